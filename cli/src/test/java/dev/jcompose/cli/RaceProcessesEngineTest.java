package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.OwnEngine;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.observed.ObservedContainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The races of {@code RaceEngineTest} (service module, threads) again with jcompose processes, where only the file
 * half of the project and network locks stands between them: three {@code up -d} at once, {@code up -d} and
 * {@code down} at once, five {@code run --rm} at once, two projects naming one network. Each process is the CLI's
 * main class on the test's class path, all started before any is waited for. One round each: a JVM start costs a
 * second or more, and the threads of {@code RaceEngineTest} repeat the same races for more rounds.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaceProcessesEngineTest {
    private static final int UP_ROUNDS = 1;
    private static final int UP_DOWN_ROUNDS = 1;
    private static final int RUNS_AT_ONCE = 5;
    private static final int NAMED_NETWORK_ROUNDS = 1;

    private static final String STACK = """
            services:
              db:
                image: jcompose/busybox:latest
                init: true
                command: ["sleep", "600"]
              web:
                image: jcompose/busybox:latest
                init: true
                command: ["sleep", "600"]
                depends_on: [db]
              job:
                image: jcompose/busybox:latest
                command: ["sh", "-c", "echo ran in $$(hostname)"]
                profiles: [jobs]
            """;

    @TempDir
    Path dir;

    private Engine engine;

    /** The class's own dockerd: the races may fill it, and nobody else's tests run on it. */
    private OwnEngine own;

    @BeforeAll
    void launch() {
        own = OwnEngine.launch(OwnEngine.Options.named("races-proc"));
        own.loadBaseImage();
    }

    @AfterAll
    void stopEngine() {
        if (own != null) own.close();
    }

    @BeforeEach
    void connect() throws IOException {
        engine = own.connect();
        Files.writeString(dir.resolve("compose.yaml"), STACK);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    record Exit(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Starts a jcompose process; all of a race's are started before the first is waited for. */
    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(own.env());
        // one lock directory for the test's processes, as for one user's shells
        env.put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        env.remove("JCOMPOSE_DEBUG");
        return builder.start();
    }

    /** The CLI in this JVM, on the same engine and lock directory, for what a race starts from. */
    private CliRunner inProcess() {
        return new CliRunner(dir, env -> own.connect()).env("XDG_RUNTIME_DIR", dir.resolve("run").toString());
    }

    private static List<Exit> waitAll(List<Process> processes) throws Exception {
        List<Exit> exits = new ArrayList<>();
        for (Process p : processes) {
            p.getOutputStream().close();
            // small outputs: read after the exit would do, but reading first never lets a full pipe block the process
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the process ended");
            exits.add(new Exit(p.exitValue(), out, err));
        }
        return exits;
    }

    private List<String> names(String p) {
        return engine.containers(p).stream().map(ObservedContainer::name).sorted().toList();
    }

    private void assertUp(String p) {
        assertEquals(List.of(p + "-db-1", p + "-web-1"), names(p), "one container per service, no duplicate, no temporary name");
        for (ObservedContainer c : engine.containers(p)) assertTrue(c.running(), c.name() + " is running");
        assertTrue(engine.networks().stream().anyMatch(n -> n.name().equals(p + "_default")), "its network is there");
    }

    private void assertDown(String p) {
        assertEquals(List.of(), names(p));
        assertTrue(engine.networks().stream().noneMatch(n -> p.equals(n.project())), "its network is gone");
    }

    @Test
    void threeUpProcessesOfOneProjectDoTheWorkOnce(EngineProjects projects) throws Exception {
        String p = projects.create("race-up-proc");
        for (int round = 0; round < UP_ROUNDS; round++) {
            List<Exit> exits = waitAll(List.of(start("-p", p, "up", "-d"), start("-p", p, "up", "-d"), start("-p", p, "up", "-d")));
            for (Exit e : exits) assertEquals(0, e.code(), e.toString());
            long workers = exits.stream().filter(e -> e.err().contains("Created")).count();
            assertEquals(1, workers, "one up created the containers, the others found them there: " + exits);
            assertUp(p);
            if (round == UP_ROUNDS - 1) break; // the class's engine goes with what is left
            Exit down = waitAll(List.of(start("-p", p, "down", "-t", "0"))).get(0);
            assertEquals(0, down.code(), down.toString());
            assertDown(p);
        }
    }

    @Test
    void upAndDownProcessesRacingEndAsOneOrTheOther(EngineProjects projects) throws Exception {
        String p = projects.create("race-updown-proc");
        for (int round = 0; round < UP_DOWN_ROUNDS; round++) {
            // the state the race starts from, made in this JVM: only the race itself needs processes
            if (round % 2 == 0) assertEquals(0, inProcess().run("-p", p, "up", "-d").exit());
            List<Exit> exits = waitAll(List.of(start("-p", p, "up", "-d"), start("-p", p, "down", "-t", "0")));
            for (Exit e : exits) assertEquals(0, e.code(), "round " + round + ": " + e);
            if (names(p).isEmpty()) assertDown(p);
            else {
                assertUp(p);
                assertEquals(0, inProcess().run("-p", p, "down", "-t", "0").exit());
            }
        }
    }

    @Test
    void fiveRunRmProcessesAtOnceGetUniqueNamesAllExitZeroAndLeaveNothing(EngineProjects projects) throws Exception {
        String p = projects.create("race-run-proc");
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < RUNS_AT_ONCE; i++) runs.add(start("-p", p, "run", "--rm", "-T", "job"));
        List<Exit> exits = waitAll(runs);
        TreeSet<String> hosts = new TreeSet<>();
        for (Exit e : exits) {
            assertEquals(0, e.code(), e.toString());
            assertTrue(e.out().startsWith("ran in "), e.toString());
            hosts.add(e.out().strip());
        }
        // a one-off's host name is its container's id: as many different ones as containers
        assertEquals(RUNS_AT_ONCE, hosts.size(), "one container each: " + hosts);
        assertEquals(List.of(), names(p), "every --rm one-off is gone");
    }

    @Test
    void twoProjectsNamingOneNetworkComeUpAtOnceInProcessesAndMakeOneNetwork(EngineProjects projects) throws Exception {
        String a = projects.create("race-named-proc-a");
        String b = projects.create("race-named-proc-b");
        String shared = projects.create("race-named-proc") + "_net";
        Files.writeString(dir.resolve("named.yaml"), """
                services:
                  app:
                    image: jcompose/busybox:latest
                    init: true
                    command: ["sleep", "600"]
                networks:
                  default:
                    name: %s
                """.formatted(shared));
        for (int round = 0; round < NAMED_NETWORK_ROUNDS; round++) {
            List<Exit> ups = waitAll(List.of(start("-p", a, "-f", "named.yaml", "up", "-d"), start("-p", b, "-f", "named.yaml", "up", "-d")));
            for (Exit e : ups) assertEquals(0, e.code(), "round " + round + ": " + e);
            assertEquals(1, engine.networks().stream().filter(n -> n.name().equals(shared)).count(), "one network of that name: " + ups);
            for (String p : List.of(a, b)) assertEquals(List.of(p + "-app-1"), names(p));
            List<Exit> downs = waitAll(List.of(start("-p", a, "-f", "named.yaml", "down", "-t", "0"), start("-p", b, "-f", "named.yaml", "down", "-t", "0")));
            for (Exit e : downs) assertEquals(0, e.code(), "round " + round + ": " + e);
            assertEquals(List.of(), names(a));
            assertEquals(List.of(), names(b));
        }
    }
}
