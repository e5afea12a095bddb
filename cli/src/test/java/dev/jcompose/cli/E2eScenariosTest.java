package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.spec.testing.SharedConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docker compose's own end-to-end scenarios (../shared/conformance/e2e/scenarios.yaml, read in place), run step by
 * step against the real engine with the vocabulary of its checks.go. Each scenario listed in {@link #KNOWN_FAILING}
 * must still fail (with the reason given there), so the list can only shrink by fixing things; every other
 * scenario must pass.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class E2eScenariosTest {
    /** Scenario -> why jcompose fails it today. */
    static final Map<String, String> KNOWN_FAILING = new TreeMap<>(Map.of());

    private static final Pattern CALL = Pattern.compile("(\\w+)\\((.*)\\)");

    @BeforeAll
    static void images() throws Exception {
        // The scenarios use alpine and busybox; the local busybox stands in for both where they are missing.
        for (String image : List.of("alpine:latest", "busybox:latest")) {
            Process inspect = new ProcessBuilder("docker", "image", "inspect", image).redirectErrorStream(true).start();
            inspect.getInputStream().readAllBytes();
            if (inspect.waitFor() != 0) {
                Process tag = new ProcessBuilder("docker", "tag", RealEngine.BASE_IMAGE, image).redirectErrorStream(true).start();
                String out = new String(tag.getInputStream().readAllBytes());
                assertEquals(0, tag.waitFor(), "docker tag " + image + ": " + out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> scenarios() throws IOException {
        Path file = SharedConformance.root().resolve("e2e/scenarios.yaml");
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        List<Arguments> out = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) root.get("scenarios")) {
            out.add(Arguments.of(Named.of((String) s.get("test"), s)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void behavesAsDockerCompose(Map<String, Object> scenario, EngineProjects projects) throws Exception {
        String test = (String) scenario.get("test");
        String failure = run(scenario, projects.create("e2e"));
        System.out.println("E2E " + test + ": " + (failure == null ? "PASS" : "FAIL " + failure.lines().findFirst().orElse("")));
        if (KNOWN_FAILING.containsKey(test)) {
            assertTrue(failure != null, test + " passes now: remove it from KNOWN_FAILING (" + KNOWN_FAILING.get(test) + ")");
        } else if (failure != null) {
            fail(test + ": " + failure);
        }
    }

    /** Runs every step; returns why the first one failed, or null when all passed. */
    @SuppressWarnings("unchecked")
    private String run(Map<String, Object> scenario, String project) throws Exception {
        Path dir = SharedConformance.root().resolve("e2e").resolve((String) scenario.get("test"));
        try {
            for (Map<String, Object> step : (List<Map<String, Object>>) scenario.get("steps")) {
                Map<String, String> before = ids(project);
                StringBuilder output = new StringBuilder();
                StringBuilder stdout = new StringBuilder();
                int exit = 0;
                for (String command : (List<String>) step.getOrDefault("command", List.of())) {
                    CliRunner.Result r = command(command, dir, project);
                    if (r == null) return "step \"" + step.get("step") + "\": cannot run " + command;
                    output.append(r.out()).append(r.err());
                    stdout.append(r.out());
                    exit = r.exit();
                    if (r.exit() != 0 && !command.contains(".MayFail()")) {
                        return "step \"" + step.get("step") + "\": " + command + " exited " + r.exit() + ": " + r.err().strip();
                    }
                }
                for (String expect : (List<String>) step.getOrDefault("expect", List.of())) {
                    String why = check(expect, project, output.toString(), stdout.toString(), exit, before);
                    if (why != null) return "step \"" + step.get("step") + "\": " + expect + ": " + why;
                }
            }
            return null;
        } finally {
            CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
            cli.env("FIXED_NAME", project + "-fixed").run("-p", project, "-f", dir.resolve("compose.yaml").toString(), "down", "-v", "--remove-orphans", "-t", "1");
        }
    }

    private static CliRunner.Result command(String command, Path dir, String project) {
        Matcher m = CALL.matcher(command);
        if (!m.lookingAt()) return null;
        List<String> args = quoted(firstCallArguments(command).replace("s.Project()", "\"" + project + "\""));
        // the Go tests set FIXED_NAME from their local variable "name"; here it is derived from the project
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect).env("FIXED_NAME", project + "-fixed");
        // TestPsHonorsPsFormat's Go code writes psFormat into the docker CLI config before it runs; so does this
        if (dir.getFileName().toString().equals("TestPsHonorsPsFormat")) cli.env("DOCKER_CONFIG", psFormatConfig().toString());
        Matcher env = Pattern.compile("\\.WithEnv\\((.*?)\\)").matcher(command);
        while (env.find()) {
            for (String kv : quoted(env.group(1))) cli.env(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        if (m.group(1).equals("DockerCmd")) return docker(args);
        if (!m.group(1).equals("ComposeCmd")) return null;
        List<String> argv = new ArrayList<>(List.of("-p", project, "-f", dir.resolve("compose.yaml").toString()));
        argv.addAll(args);
        return cli.run(argv.toArray(String[]::new));
    }

    private static Path psFormatConfig() {
        try {
            Path dir = Files.createTempDirectory("jcompose-docker-config");
            Files.writeString(dir.resolve("config.json"), "{\"psFormat\": \"table {{.Name}}\"}");
            dir.toFile().deleteOnExit();
            dir.resolve("config.json").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** DockerCmd(...): the docker CLI, as the reference's checks use it. */
    private static CliRunner.Result docker(List<String> args) {
        try {
            List<String> argv = new ArrayList<>(List.of("docker"));
            argv.addAll(args);
            Process p = new ProcessBuilder(argv).start();
            String out = new String(p.getInputStream().readAllBytes());
            String err = new String(p.getErrorStream().readAllBytes());
            return new CliRunner.Result(p.waitFor(), out, err);
        } catch (IOException | InterruptedException e) {
            return new CliRunner.Result(127, "", e.toString());
        }
    }

    /** What stands between the first call's parentheses, quotes respected. */
    static String firstCallArguments(String call) {
        int open = call.indexOf('(');
        int depth = 0;
        char quote = 0;
        for (int i = open; i < call.length(); i++) {
            char c = call.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return call.substring(open + 1, i);
            }
        }
        return call.substring(open + 1);
    }

    /**
     * The arguments of a DSL call: top-level comma-separated, each the concatenation of its Go string literals
     * ("..." or `...`, joined with +); an argument with no literal is kept as written (a number, a name).
     */
    static List<String> quoted(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        boolean sawLiteral = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '`') {
                int end = i + 1;
                StringBuilder lit = new StringBuilder();
                while (end < text.length() && text.charAt(end) != c) {
                    if (c == '"' && text.charAt(end) == '\\' && end + 1 < text.length()) end++;
                    lit.append(text.charAt(end));
                    end++;
                }
                literal.append(lit);
                sawLiteral = true;
                i = end;
            } else if (c == '(') {
                depth++;
                raw.append(c);
            } else if (c == ')') {
                depth--;
                raw.append(c);
            } else if (c == ',' && depth == 0) {
                out.add(sawLiteral ? literal.toString() : raw.toString().strip());
                literal.setLength(0);
                raw.setLength(0);
                sawLiteral = false;
            } else {
                raw.append(c);
            }
        }
        if (sawLiteral || !raw.toString().isBlank()) out.add(sawLiteral ? literal.toString() : raw.toString().strip());
        return out;
    }

    /** Why {@code expect} does not hold, or null. */
    private static String check(String expect, String project, String output, String stdout, int exit, Map<String, String> before)
            throws Exception {
        Matcher m = CALL.matcher(expect);
        if (!m.matches()) return "unknown check";
        String name = m.group(1);
        List<String> a = quoted(m.group(2).replace("s.Project()", "\"" + project + "\"").replace("+name+", "+\"" + project + "-fixed\"+"));
        switch (name) {
            case "OutputContains": return output.contains(a.get(0)) ? null : "output was:\n" + output;
            case "StdoutContains": return stdout.contains(a.get(0)) ? null : "stdout was:\n" + stdout;
            case "OutputNotContains": return output.contains(a.get(0)) ? "output was:\n" + output : null;
            case "ExitCode": return String.valueOf(exit).equals(m.group(2).strip()) ? null : "exit was " + exit;
            case "Eventually": {
                Matcher inner = Pattern.compile("(\\w+\\(.*\\))\\s*,\\s*([^,]+)$").matcher(m.group(2));
                if (!inner.matches()) return "cannot read Eventually";
                String why = null;
                for (int i = 0; i < 300; i++) {
                    why = check(inner.group(1), project, output, stdout, exit, before);
                    if (why == null) return null;
                    Thread.sleep(100);
                }
                return why;
            }
            default: break;
        }
        List<ObservedContainer> containers;
        try (Engine engine = RealEngine.connect()) {
            containers = engine.containers(project);
        }
        List<ObservedContainer> of = a.isEmpty() ? List.of()
                : containers.stream().filter(c -> c.service().equals(a.get(0)) && !c.oneoff()).toList();
        switch (name) {
            case "ServiceState":
                if (of.isEmpty()) return "no container of " + a.get(0);
                return of.stream().allMatch(c -> c.state().equals(a.get(1))) ? null
                        : "states are " + of.stream().map(ObservedContainer::state).toList();
            case "ServiceHealthy": {
                if (of.isEmpty()) return "no container of " + a.get(0);
                try (Engine engine = RealEngine.connect()) {
                    for (ObservedContainer c : of) {
                        String health = engine.inspect(c.name()).health();
                        if (!"healthy".equals(health)) return c.name() + " is " + health;
                    }
                }
                return null;
            }
            case "ServiceNotCreated": return of.isEmpty() ? null : "exists: " + of.stream().map(ObservedContainer::name).toList();
            case "ServiceScale": return of.size() == Integer.parseInt(m.group(2).split(",")[1].strip()) ? null : "scale is " + of.size();
            case "ReplicaNumbers": {
                TreeSet<Integer> want = new TreeSet<>();
                String[] parts = m.group(2).split(",");
                for (int i = 1; i < parts.length; i++) want.add(Integer.parseInt(parts[i].strip()));
                TreeSet<Integer> have = of.stream().map(ObservedContainer::number).collect(Collectors.toCollection(TreeSet::new));
                return want.equals(have) ? null : "numbers are " + have;
            }
            case "NotRecreated":
            case "Recreated": {
                for (String svc : a) {
                    for (ObservedContainer c : containers.stream().filter(c -> c.service().equals(svc) && !c.oneoff()).toList()) {
                        boolean same = c.id().equals(before.get(c.name()));
                        if (name.equals("NotRecreated") != same) return c.name() + (same ? " was not recreated" : " was recreated");
                    }
                }
                return null;
            }
            case "OneOffState": {
                List<ObservedContainer> oneoffs = containers.stream().filter(c -> c.service().equals(a.get(0)) && c.oneoff()).toList();
                return !oneoffs.isEmpty() && oneoffs.stream().allMatch(c -> c.state().equals(a.get(1))) ? null : "one-offs: " + oneoffs;
            }
            case "OneOffsRemoved": return containers.stream().noneMatch(ObservedContainer::oneoff) ? null : "one-offs remain";
            default: return "check " + name + " is not implemented by this runner";
        }
    }

    private static Map<String, String> ids(String project) {
        try (Engine engine = RealEngine.connect()) {
            Map<String, String> out = new TreeMap<>();
            for (ObservedContainer c : engine.containers(project)) out.put(c.name(), c.id());
            return out;
        }
    }
}
