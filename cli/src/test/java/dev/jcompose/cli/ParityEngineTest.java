package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Parity of container configuration with Debian's docker-compose v1.29.2. Each fixture under
 * {@code src/test/resources/parity/<case>/compose.yaml} is brought to "created" by jcompose ({@code up --no-start},
 * in-process) and by docker-compose v1, one tool after the other (a fixture may fix a subnet or a container_name);
 * then {@code docker inspect} of every container of both is compared field by field through {@link InspectView}:
 * Config (but what {@link #BY_DESIGN} leaves out), every HostConfig field, and the networks with their aliases,
 * addresses and links. Every difference of every case is reported at once, as {@code service.Field: jcompose=<x>
 * v1=<y>}. {@code -Djcompose.parity.cases=security,hosts} runs some cases only; {@code -Djcompose.parity.dump=true}
 * prints every compared field.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class ParityEngineTest {
    /** A difference between the tools that is one by design, and how the comparison takes it out. */
    record ByDesign(String what, String reason) {}

    static final List<ByDesign> BY_DESIGN = List.of(
            new ByDesign("project names: each tool's becomes <project>",
                    "each tool makes its own project, so that one's leftovers cannot make the other pass"),
            new ByDesign("container names: v1's <project>_<service>_<n> (and <service>_<n> among a link's names) and v2's <project>-<service>-<n> both become <project>-<service>-<n>",
                    "docker compose v2 changed the separator from _ to -; jcompose names containers as v2 does"),
            new ByDesign("container ids become the container's name (Config.Hostname by default, volumes_from, container:<id> network, ipc and pid modes)",
                    "every run makes new containers; the engine resolves an id and a name to the same container"),
            new ByDesign("Config.Labels com.docker.compose.*: left out",
                    "compose's own bookkeeping: each tool computes its config hash its own way, writes its version, config_files relative (v1) or absolute (v2), and v2 adds depends_on and image"),
            new ByDesign("network aliases: the container's own short id and its own name are left out",
                    "v1 asks for the short id when it starts a container, and engine 20.10 adds it to any started container on a project network; v2 adds the container name as an alias"),
            new ByDesign("Config.Volumes: left out; a target declared only there is compared as the anonymous volume it makes (HostConfig.Mounts, Type volume)",
                    "v1 declares every short-syntax volume target in Config.Volumes; v2 sends none and asks for anonymous volumes as Mounts"),
            new ByDesign("a Binds entry of a named volume (vol:/target:rw) is compared as the Mounts entry of type volume it is equivalent to (ro: ReadOnly, nocopy: VolumeOptions.NoCopy)",
                    "v1 sends short-syntax named volumes as Binds, v2 as Mounts; the engine mounts both alike. Host-path binds are not moved: Binds creates a missing host directory, Mounts refuses it"),
            new ByDesign("Binds: src:dst is src:dst:rw, and the options are compared as a set",
                    "the engine reads the mode as rw when none is given, and the options in any order"),
            new ByDesign("null, [] and {} are alike, at any depth (not 0, false or \"\"); Config.ExposedPorts is compared as its list of ports",
                    "the tools send empty values differently (v1 an empty IPAMConfig {}, v2 none); the engine treats them alike. ExposedPorts' values are all {}: its keys are the data"),
            new ByDesign("lists compared as sets: " + String.join(", ", new TreeSet<>(InspectView.UNORDERED)),
                    "the engine does not care about their order (ExtraHosts: only for a name listed twice, which no fixture does); Cmd, Entrypoint, Dns, DnsSearch and Healthcheck.Test keep theirs"),
            new ByDesign("Config.AttachStdin, AttachStdout, AttachStderr: left out",
                    "v2 creates a service container with AttachStdout and AttachStderr true, v1 with false; they only tell a client attaching at start"));

    /**
     * Fields where docker compose v2, which jcompose follows, differs from v1 on purpose: {@code case/service.Field}
     * to the reason. They are still compared, and a listed field that becomes equal fails the test, so the list only
     * shrinks.
     */
    static final Map<String, String> V2_NOT_V1 = Map.of(
            "links/worker.HostConfig.VolumesFrom",
            "v1 writes the default mode (:rw); jcompose sends the entry as written, which the engine reads as rw (v2 drops the mode, even :ro)",
            "process/app.Config.Env",
            "a bare variable that is unset: v1 and v2 send it bare (the engine sets nothing for it), jcompose leaves it out: the same environment",
            "volumes/long.HostConfig.Binds",
            "a long-syntax bind without a bind: section: v1 sends a Mounts entry, v2 (create.go bindRequiresMountAPI) and jcompose a Binds entry",
            "volumes/long.HostConfig.Mounts",
            "the same bind, seen from Mounts");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code -Djcompose.parity.dump=true}: every compared field of every container, equal or not, on stdout. */
    private static final boolean DUMP = Boolean.getBoolean("jcompose.parity.dump");

    @TempDir
    Path work;

    @Test
    void containersAreConfiguredAsDockerComposeV1ConfiguresThem(EngineProjects projects) throws Exception {
        String v1 = v1Version();
        List<String> cases = cases();
        StringBuilder report = new StringBuilder();
        int differing = 0, casesDiffering = 0, containers = 0, fields = 0;
        long started = System.nanoTime();
        for (String c : cases) {
            long t0 = System.nanoTime();
            Path dir = copyCase(c);
            List<String> startFirst = startFirst(dir.resolve("compose.yaml"));
            String p1 = projects.create("parity"), p2 = projects.create("parity-v1");
            List<String> problems = new ArrayList<>();
            // one tool after the other: a fixture may fix a subnet or a container_name, which both cannot hold at once
            List<JsonNode> mine = List.of(), theirs = List.of();
            try (Engine engine = RealEngine.connect()) {
                try {
                    mine = jcompose(dir, p1, startFirst, problems);
                } catch (Exception | AssertionError e) {
                    problems.add("jcompose: " + e);
                } finally {
                    RealEngine.removeProject(engine, p1);
                }
                try {
                    theirs = dockerCompose(dir, p2, startFirst, problems);
                } catch (Exception | AssertionError e) {
                    problems.add("docker-compose v1: " + e);
                } finally {
                    run(dir, List.of("docker-compose", "-p", p2, "down", "-v", "-t", "0"));
                    RealEngine.removeProject(engine, p2);
                }
            }
            List<JsonNode> all = new ArrayList<>(mine);
            all.addAll(theirs);
            ParityNames names = new ParityNames(p1, p2, all);
            Map<String, Map<String, JsonNode>> a = views(mine, names), b = views(theirs, names);
            if (b.isEmpty()) problems.add("docker-compose v1 made no container: the fixture is wrong");
            for (String key : union(a.keySet(), b.keySet())) {
                Map<String, JsonNode> x = a.get(key), y = b.get(key);
                if (x == null || y == null) {
                    problems.add(key + ": jcompose=" + (x == null ? "<no container>" : "<container>") + " v1=" + (y == null ? "<no container>" : "<container>"));
                    continue;
                }
                containers++;
                for (String field : union(x.keySet(), y.keySet())) {
                    fields++;
                    boolean same = Objects.equals(x.get(field), y.get(field));
                    String line = key + "." + field + ": jcompose=" + show(x.get(field), dir) + " v1=" + show(y.get(field), dir);
                    if (DUMP) System.out.println((same ? "  = " : "  ! ") + c + "/" + line);
                    boolean v2NotV1 = V2_NOT_V1.containsKey(c + "/" + key + "." + field);
                    if (same && v2NotV1) {
                        problems.add(line + " (listed in V2_NOT_V1 but now equal: take it off the list)");
                    } else if (!same && !v2NotV1) {
                        problems.add(line);
                        differing++;
                    }
                }
            }
            System.out.printf("parity %-12s %d containers, %d differences, %d ms%n", c, a.size(), problems.size(), (System.nanoTime() - t0) / 1_000_000);
            if (!problems.isEmpty()) {
                casesDiffering++;
                report.append(c).append(":\n");
                problems.forEach(p -> report.append("  ").append(p).append('\n'));
            }
        }
        String summary = String.format("parity with docker-compose %s: %d cases, %d containers, %d fields compared in %d s", v1, cases.size(),
                containers, fields, (System.nanoTime() - started) / 1_000_000_000);
        System.out.println(summary);
        if (report.length() > 0) {
            fail(summary + "; " + differing + " fields differ in " + casesDiffering + " cases (after the by-design normalisation of"
                    + " ParityEngineTest.BY_DESIGN; src/test/resources/parity/README.md):\n" + report);
        }
    }

    private static List<JsonNode> jcompose(Path dir, String project, List<String> startFirst, List<String> problems) throws Exception {
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        if (!startFirst.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("-p", project, "up", "-d"));
            args.addAll(startFirst);
            CliRunner.Result r = cli.run(args.toArray(String[]::new));
            if (r.exit() != 0) problems.add("jcompose up -d " + String.join(" ", startFirst) + " exited " + r.exit() + ": " + r.err().strip());
        }
        CliRunner.Result r = cli.run("-p", project, "up", "--no-start");
        if (r.exit() != 0) problems.add("jcompose up --no-start exited " + r.exit() + ": " + r.err().strip());
        return inspect(project);
    }

    private static List<JsonNode> dockerCompose(Path dir, String project, List<String> startFirst, List<String> problems) throws Exception {
        if (!startFirst.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("docker-compose", "-p", project, "up", "-d"));
            argv.addAll(startFirst);
            Exec r = run(dir, argv);
            if (r.exit() != 0) problems.add("docker-compose up -d " + String.join(" ", startFirst) + " exited " + r.exit() + ": " + r.err().strip());
        }
        Exec r = run(dir, List.of("docker-compose", "-p", project, "up", "--no-start"));
        if (r.exit() != 0) problems.add("docker-compose up --no-start exited " + r.exit() + ": " + r.err().strip());
        return inspect(project);
    }

    /** {@code docker inspect} of every container labelled as the project's. */
    private static List<JsonNode> inspect(String project) throws Exception {
        String ids = Docker.run(List.of("docker", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + project));
        if (ids.isBlank()) return List.of();
        List<String> argv = new ArrayList<>(List.of("docker", "inspect"));
        argv.addAll(Arrays.asList(ids.split("\\s+")));
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(Docker.run(argv)).forEach(out::add);
        return out;
    }

    /** By service, and replica number where it is not 1: {@code web}, {@code web[2]}. */
    private static Map<String, Map<String, JsonNode>> views(List<JsonNode> containers, ParityNames names) {
        Map<String, Map<String, JsonNode>> out = new TreeMap<>();
        for (JsonNode c : containers) {
            JsonNode labels = c.path("Config").path("Labels");
            String service = labels.path("com.docker.compose.service").asText();
            String number = labels.path("com.docker.compose.container-number").asText("1");
            out.put(number.equals("1") ? service : service + "[" + number + "]", InspectView.of(c, names));
        }
        return out;
    }

    /** A value as JSON; the case's folder (the same for both tools) shortened to {@code <case-dir>} for reading. */
    private static String show(JsonNode value, Path caseDir) {
        return value == null ? "<unset>" : value.toString().replace(caseDir.toString(), "<case-dir>");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The case folders, or those {@code -Djcompose.parity.cases} names. */
    private static List<String> cases() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(ParityEngineTest.class.getResource("/parity"), "parity fixtures").toURI());
        List<String> all;
        try (Stream<Path> s = Files.list(root)) {
            all = s.filter(p -> Files.isRegularFile(p.resolve("compose.yaml"))).map(p -> p.getFileName().toString()).sorted().toList();
        }
        String only = System.getProperty("jcompose.parity.cases", "").strip();
        if (only.isEmpty()) return all;
        List<String> chosen = Arrays.stream(only.split(",")).map(String::strip).toList();
        for (String c : chosen) if (!all.contains(c)) fail("no parity case " + c + "; there are " + all);
        return chosen;
    }

    /** A copy of the case's folder, so that bind sources, secrets and env files resolve alike for both tools. */
    private Path copyCase(String name) throws Exception {
        Path from = Path.of(ParityEngineTest.class.getResource("/parity/" + name).toURI());
        Path to = work.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    /** The fixture's {@code x-parity.start-first}: services both tools start before they create the rest. */
    @SuppressWarnings("unchecked")
    private static List<String> startFirst(Path compose) throws IOException {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(compose));
        if (doc instanceof Map<?, ?> m && m.get("x-parity") instanceof Map<?, ?> x && x.get("start-first") instanceof List<?> l) {
            return (List<String>) l;
        }
        return List.of();
    }

    private static String v1Version() throws Exception {
        Exec r = run(Path.of("."), List.of("docker-compose", "version", "--short"));
        String version = r.out().strip();
        if (r.exit() != 0 || !version.startsWith("1.")) {
            fail("this engine test compares with docker-compose v1 (Debian's 1.29.2) and `docker-compose version --short` said: "
                    + version + " " + r.err().strip() + "\nRun ./scripts/test.sh, which installs it (apt-get install docker-compose).");
        }
        return version;
    }

    record Exec(int exit, String out, String err) {}

    /** A command in {@code dir} without the COMPOSE_* variables of the caller's environment. */
    private static Exec run(Path dir, List<String> argv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("COMPOSE_"));
        Process proc;
        try {
            proc = pb.start();
        } catch (IOException e) {
            return new Exec(127, "", argv.get(0) + " is not installed: " + e.getMessage());
        }
        proc.getOutputStream().close();
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread reader = new Thread(() -> {
            try {
                err.complete(new String(proc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.complete(e.toString());
            }
        });
        reader.start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!proc.waitFor(180, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            return new Exec(-1, out, String.join(" ", argv) + " did not finish in 180 s");
        }
        reader.join();
        return new Exec(proc.exitValue(), out, err.get());
    }
}
