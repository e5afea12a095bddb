package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-file merges: pairs of files with random, overlapping services go through {@code -f a.yaml -f b.yaml config}
 * (and {@code up -d --dry-run} when that loads). Each service takes random attributes from a table of good and bad
 * values, short and long syntaxes and {@code !reset}/{@code !override}, so one file's list meets the other's mapping,
 * a string meets a list, a good value meets a wrong one. Each pair ends with exit 0 or 3 (1 for a plan that refuses
 * it) and a diagnostic naming {@code a.yaml:LINE} or {@code b.yaml:LINE}, never an internal error or a stack trace,
 * within a bound. Seeded, so a failure repeats.
 */
class FuzzMergeTest {
    private static final long SEED = 20261202;
    /** Pairs in CI; ten times as many with -DargLine=-Djcompose.fuzz.full=true. */
    private static final int PAIRS = 300;
    /** One value in this many is a wrong one. */
    private static final int WRONG_ONE_IN = 12;
    private static final List<String> SERVICES = List.of("web", "db", "cache", "worker");
    /** The values a file may give an attribute: good ones (other syntaxes, !reset, !override among them), and wrong ones. */
    private record Values(List<String> good, List<String> wrong) {}

    private static Values of(List<String> good, List<String> wrong) {
        return new Values(good, wrong);
    }

    private static final Map<String, Values> ATTRIBUTES = Map.ofEntries(
            Map.entry("image", of(List.of("busybox", "redis:7"), List.of("\"\"", "[x]"))),
            Map.entry("command", of(List.of("echo hi", "[echo, hi]", "!reset []", "!reset ~"), List.of("{a: b}", "[[x]]"))),
            Map.entry("entrypoint", of(List.of("[sh, -c]", "sh"), List.of("[[x]]"))),
            Map.entry("environment", of(List.of("[A=1, B]", "{A: 1, B: ~}", "!override {C: 3}", "!reset {}"), List.of("A=1", "[[x]]", "{A: [1]}"))),
            Map.entry("ports", of(List.of("[\"80:80\"]", "[{target: 80, published: 8080}]", "[80]", "!reset []", "[\"8080-8081:80-81\"]",
                    "!override [\"81:81\"]"), List.of("[\"99999:80\"]", "{a: b}", "[{target: x}]"))),
            Map.entry("volumes", of(List.of("[\"./data:/data\"]", "[{type: bind, source: ., target: /x}]", "[\"data:/data\"]", "!reset []"),
                    List.of("x", "[\"nope:/y\"]", "[{type: tmpfs, target: /t, tmpfs: {size: -1}}]", "[{type: nope, target: /t}]"))),
            Map.entry("depends_on", of(List.of("[db]", "{db: {condition: service_healthy}}", "{cache: {condition: service_started, required: false}}",
                    "!reset []"), List.of("{zz: {condition: nope}}", "db", "{db: [x]}"))),
            Map.entry("networks", of(List.of("[front]", "{front: {aliases: [x]}}", "{front: ~}"),
                    List.of("[nope]", "{front: {ipv4_address: 999.1.1.1}}", "{front: {priority: x}}"))),
            Map.entry("build", of(List.of(".", "{context: ., dockerfile: Dockerfile}", "{args: [A=1]}"), List.of("[x]", "{context: ., args: {A: [1]}}"))),
            Map.entry("healthcheck", of(List.of("{test: [CMD, \"true\"], interval: 5s}", "{disable: true}"),
                    List.of("{interval: -1s}", "{retries: x}", "x", "{test: NONE, timeout: 1e400s}"))),
            Map.entry("deploy", of(List.of("{replicas: 2}", "{resources: {limits: {memory: 64M, cpus: \"0.5\"}}}"),
                    List.of("{replicas: -1}", "[x]", "{resources: {limits: {memory: -5g}}}", "{restart_policy: {condition: nope}}"))),
            Map.entry("labels", of(List.of("{a: b}", "[a=b]"), List.of("x", "{a: {b: c}}"))),
            Map.entry("extends", of(List.of("{service: web}", "db"), List.of("{file: nope.yaml, service: web}", "{service: [x]}", "{service: zz}"))),
            Map.entry("profiles", of(List.of("[p]"), List.of("p", "{a: b}"))),
            Map.entry("restart", of(List.of("always", "on-failure:3"), List.of("nope", "1", "on-failure:x"))),
            Map.entry("ulimits", of(List.of("{nofile: {soft: 1, hard: 2}}", "{nofile: 5}"), List.of("{nofile: {soft: x}}", "{nofile: {soft: 5, hard: 1}}"))),
            Map.entry("secrets", of(List.of("[s]", "[{source: s, target: /x, mode: 0400}]"), List.of("[nope]", "[{source: s, mode: x}]"))),
            Map.entry("container_name", of(List.of("x"), List.of("[x]", "\"bad name!\""))),
            Map.entry("scale", of(List.of("2", "0"), List.of("-1", "x"))),
            Map.entry("mem_limit", of(List.of("64m"), List.of("-1", "1e400", "x"))),
            Map.entry("x-ext", of(List.of("{anything: [1]}", "1"), List.of())));
    private static final List<String> KEYS = List.copyOf(new TreeSet<>(ATTRIBUTES.keySet()));
    private static final Pattern LOCATED = Pattern.compile("[ab]\\.yaml:\\d+(:\\d+)?:");

    @TempDir
    Path dir;

    /**
     * One file of random services, some of them among {@code known} (the first file's): a service a file brings first
     * has an image, so that the pair fails on the values, not on a missing image. The first file declares the network,
     * volume and secret the values name; the second sometimes declares them again.
     */
    static String file(Random random, List<String> known, boolean first) {
        StringBuilder yaml = new StringBuilder("services:\n");
        List<String> names = new ArrayList<>(SERVICES);
        int services = 1 + random.nextInt(3);
        for (int s = 0; s < services; s++) {
            String name = names.remove(random.nextInt(names.size()));
            yaml.append("  ").append(name).append(":\n");
            List<String> keys = new ArrayList<>(KEYS);
            if (!known.contains(name)) {
                yaml.append("    image: busybox\n");
                keys.remove("image");
                known.add(name);
            }
            for (int a = 1 + random.nextInt(5); a > 0; a--) {
                String key = keys.remove(random.nextInt(keys.size()));
                Values values = ATTRIBUTES.get(key);
                // mostly good values, so that many pairs load and the merge itself is reached, not only the checks
                List<String> pick = values.wrong().isEmpty() || random.nextInt(WRONG_ONE_IN) != 0 ? values.good() : values.wrong();
                yaml.append("    ").append(key).append(": ").append(pick.get(random.nextInt(pick.size()))).append('\n');
            }
        }
        if (first || random.nextBoolean()) yaml.append("networks:\n  front: {}\n");
        if (first || random.nextBoolean()) yaml.append("volumes:\n  data: {}\n");
        if (first || random.nextBoolean()) yaml.append("secrets:\n  s:\n    file: ./s.txt\n");
        return yaml.toString();
    }

    @Test
    void randomOverlappingFilesMergeOrGetADiagnostic() throws Exception {
        Files.writeString(dir.resolve("s.txt"), "secret");
        Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
        Random random = new Random(SEED);
        CliRunner cli = CliRunner.withEngine(dir, new InMemoryEngine()).env("HOME", "/home/fuzz");
        int invalid = 0;
        int planned = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        int pairs = Boolean.getBoolean("jcompose.fuzz.full") ? 10 * PAIRS : PAIRS;
        for (int i = 0; i < pairs; i++) {
            List<String> known = new ArrayList<>();
            String a = file(random, known, true);
            String b = file(random, known, false);
            Files.writeString(dir.resolve("a.yaml"), a);
            Files.writeString(dir.resolve("b.yaml"), b);
            CliRunner.Result config = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> cli.run("-p", "fuzz", "-f", "a.yaml", "-f", "b.yaml", "config"), "pair " + i + " did not end");
            String problem = problem(config, false);
            if (problem == null && config.exit() == ExitCodes.OK) {
                CliRunner.Result up = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> cli.run("-p", "fuzz", "-f", "a.yaml", "-f", "b.yaml", "up", "-d", "--dry-run"), "plan of pair " + i + " did not end");
                problem = problem(up, true);
                planned++;
            }
            if (config.exit() == ExitCodes.INVALID_PROJECT) invalid++;
            if (problem != null) failures.add("pair " + i + ": " + problem + "\n--- a.yaml\n" + a + "--- b.yaml\n" + b);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("merges (seed %d): %d pairs (%d refused with exit 3, %d loaded and planned), %d ms%n", SEED, pairs, invalid, planned, millis);
        assertTrue(failures.isEmpty(), failures.size() + " of " + pairs + " pairs broke the rules:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertTrue(invalid > pairs / 4 && planned > pairs / 20, "both valid and invalid pairs, or the cases test little: " + invalid + " invalid, " + planned + " planned");
    }

    /** What is wrong with the result, or null: an exit other than 0 and 3 (and 1 for a plan), a crash, a diagnostic without a line. */
    private static String problem(CliRunner.Result r, boolean plan) {
        if (r.err().contains("internal error") || r.err().contains("\tat ") || r.err().contains("Exception")) return "a crash:\n" + r.err();
        if (r.exit() == ExitCodes.OK) return null;
        if (r.exit() == ExitCodes.INVALID_PROJECT) {
            return LOCATED.matcher(r.err()).find() || r.err().startsWith("dependency cycle") ? null : "exit 3 without a.yaml/b.yaml:LINE:\n" + r.err();
        }
        if (plan && r.exit() == ExitCodes.FAILED) return r.err().isBlank() ? "exit 1 without a message" : null;
        return "exit " + r.exit() + ":\n" + r.err();
    }
}
