package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.Fault;
import dev.jcompose.executor.testing.FaultProxy;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.observed.ObservedContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * jcompose's commands with a {@link FaultProxy} between them and the real engine, injecting hangs, dropped
 * connections, cut-short and nonsense answers into chosen calls: each command ends within its time-out with the
 * documented exit code and an error that names the call, never a stack trace; once the fault is gone the next
 * {@code up} or {@code down} finishes the work, with no duplicate container, no temporary name left and the named
 * volume kept.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
@Timeout(120) // a command that hangs fails its test rather than the build
class FaultsThroughProxyEngineTest {
    /**
     * The response time-out of the commands that meet a hang: short enough for a test, long enough for a busy
     * engine's ordinary answers (a start on an engine shared by parallel builds takes seconds). The other commands
     * keep the default.
     */
    private static final String RESPONSE_TIMEOUT = "5";
    private static final long RESPONSE_MILLIS = 5000;
    /** What a command may take beyond its time-out: the JVM, the other calls, a machine shared with parallel builds. */
    private static final long SLACK_MILLIS = 15000;

    private static final String STACK = """
            services:
              web:
                image: jcompose/busybox:latest
                command: ["sh", "-c", "trap 'exit 0' TERM; echo web ${GREETING:-hello}; while true; do sleep 1; done"]
                volumes: ["data:/data"]
              worker:
                image: jcompose/busybox:latest
                command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
              cache:
                image: jcompose/busybox:latest
                command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
            volumes:
              data: {}
            """;

    @TempDir
    Path dir;
    private FaultProxy proxy;
    private CliRunner cli;
    /** {@link #cli} with short time-outs. */
    private CliRunner hurried;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), STACK);
        proxy = FaultProxy.start(dir.resolve("proxy.sock"), engineSocket());
        cli = new CliRunner(dir, DockerJavaEngine::connect).env("DOCKER_HOST", proxy.host());
        hurried = new CliRunner(dir, DockerJavaEngine::connect)
                .env("DOCKER_HOST", proxy.host())
                .env("JCOMPOSE_CONNECT_TIMEOUT", "3")
                .env("COMPOSE_HTTP_TIMEOUT", RESPONSE_TIMEOUT);
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    /** The engine the tests run on: DOCKER_HOST's unix socket, or the default one. */
    static Path engineSocket() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        if (!host.startsWith("unix://")) throw new AssertionError("the fault proxy needs an engine on a unix socket, not " + host);
        return Path.of(host.substring("unix://".length()));
    }

    @Test
    void configNeedsNoEngineEvenAHungOne() {
        proxy.inject(FaultProxy.any(), new Fault.Hang(), -1);
        CliRunner.Result r = timed(1000, "config");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("worker:"), r.toString());
        assertEquals(0, proxy.requests().size(), "config asked the engine nothing");
    }

    @Test
    void psOfAHungEngineIsUnavailableAfterTheConnectTimeout(EngineProjects projects) {
        proxy.inject(FaultProxy.calls("GET", "/_ping"), new Fault.Hang(), -1);
        CliRunner.Result r = timed(3000, hurried, "-p", projects.create("fault"), "ps");
        assertEquals(ExitCodes.ENGINE_UNAVAILABLE, r.exit(), r.toString());
        assertOneLineError(r, "Cannot connect to the Docker engine at " + proxy.host() + ": no answer to GET /_ping within 3 s"
                + " (JCOMPOSE_CONNECT_TIMEOUT). Is the engine hung or overloaded?");
    }

    @Test
    void psOfAGoneEngineIsUnavailableAtOnce(EngineProjects projects) {
        proxy.close();
        CliRunner.Result r = timed(0, "-p", projects.create("fault"), "ps");
        assertEquals(ExitCodes.ENGINE_UNAVAILABLE, r.exit(), r.toString());
        assertTrue(r.err().startsWith("Cannot connect to the Docker engine at " + proxy.host() + ": "), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void psWhoseListingHangsFailsAfterTheResponseTimeout(EngineProjects projects) {
        proxy.inject(FaultProxy.calls("GET", "/containers/json"), new Fault.Hang(), -1);
        CliRunner.Result r = timed(RESPONSE_MILLIS, hurried, "-p", projects.create("fault"), "ps");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertOneLineError(r, "list containers: the engine did not answer within 5 s (COMPOSE_HTTP_TIMEOUT=5 s)");
    }

    @Test
    void psWithGarbageOrACutShortAnswerFailsNamingTheCall(EngineProjects projects) {
        String p = projects.create("fault");
        proxy.inject(FaultProxy.calls("GET", "/containers/json"), new Fault.Garbage(), -1);
        CliRunner.Result r = timed(0, "-p", p, "ps");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertOneLineError(r, "list containers: the connection closed without an HTTP answer");
        proxy.clear();
        proxy.inject(FaultProxy.calls("GET", "/containers/json"), new Fault.Truncate(40), -1);
        r = timed(0, "-p", p, "ps");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(r.err().startsWith("list containers: "), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void anUpWhoseCreatesHangFailsNamingThemAndTheNextUpConverges(EngineProjects projects) {
        String p = projects.create("fault");
        proxy.inject(FaultProxy.calls("POST", "/containers/create"), new Fault.Hang(), -1);
        CliRunner.Result r = timed(RESPONSE_MILLIS, hurried, "-p", p, "up", "-d");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("Error: create container " + p + "-"), r.toString());
        assertTrue(r.err().contains(": the engine did not answer within 5 s (COMPOSE_HTTP_TIMEOUT=5 s)"), r.toString());
        assertTrue(r.err().contains("not run because of the error: start Container " + p + "-"), r.toString());
        assertNoStackTrace(r);

        proxy.clear();
        convergesOnce(p);
    }

    @Test
    void anUpWhoseCreateAnswerIsLostFindsTheContainerNextTime(EngineProjects projects) {
        String p = projects.create("fault");
        // the engine makes web's container; jcompose never hears of it
        proxy.inject(FaultProxy.calls("POST", "/containers/create"), new Fault.DropAfterRequest(), 1);
        CliRunner.Result r = timed(RESPONSE_MILLIS, "-p", p, "up", "-d");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains(": the connection closed without an HTTP answer"), r.toString());
        assertNoStackTrace(r);
        convergesOnce(p);
    }

    @Test
    void aRecreateCutOffBeforeItsRenameIsFinishedByTheNextUp(EngineProjects projects) {
        String p = projects.create("fault");
        convergesOnce(p);
        // a changed service: created beside the old under <id>_<name>, old removed, then the rename is lost
        proxy.inject(FaultProxy.calls("POST", "/containers/[^/]+/rename"), new Fault.DropBeforeRequest(), -1);
        CliRunner.Result r = timed(RESPONSE_MILLIS, cliWith("GREETING", "changed"), "-p", p, "up", "-d");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("Error: rename container "), r.toString());
        assertNoStackTrace(r);
        assertTrue(names(p).stream().anyMatch(n -> n.endsWith("_" + p + "-web-1")), "the temporary is there: " + names(p));

        proxy.clear();
        CliRunner.Result again = cliWith("GREETING", "changed").run("-p", p, "up", "-d");
        assertEquals(0, again.exit(), again.toString());
        assertEquals(List.of(p + "-cache-1", p + "-web-1", p + "-worker-1"), names(p), "no temporary name left");
        assertRunning(p);
    }

    @Test
    void aDownCutShortIsFinishedByTheNextDownAndKeepsTheVolume(EngineProjects projects) {
        String p = projects.create("fault");
        convergesOnce(p);
        // the engine stops each container, jcompose never hears of it (a stop is not sent twice, unlike a removal,
        // which the transport sends again when its answer is lost, and whose 404 then counts as done)
        proxy.inject(FaultProxy.calls("POST", "/containers/[^/]+/stop"), new Fault.DropAfterRequest(), -1);
        CliRunner.Result r = timed(RESPONSE_MILLIS, "-p", p, "down");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("Error: stop container " + p + "-"), r.toString());
        assertTrue(r.err().contains(": the connection closed without an HTTP answer"), r.toString());
        assertTrue(r.err().contains("not run because of the error: remove Container " + p + "-"), r.toString());
        assertNoStackTrace(r);

        proxy.clear();
        CliRunner.Result again = cli.run("-p", p, "down");
        assertEquals(0, again.exit(), again.toString());
        try (Engine engine = RealEngine.connect()) {
            assertEquals(List.of(), engine.containers(p));
            assertTrue(engine.volume(p + "_data").isPresent(), "down keeps the named volume");
        }
    }

    @Test
    void logsWithALostOrNonsenseAnswerFailNamingTheCall(EngineProjects projects) {
        String p = projects.create("fault");
        convergesOnce(p);
        for (Fault fault : List.of(new Fault.Garbage(), new Fault.DropBeforeRequest(), new Fault.TruncateBody(5))) {
            proxy.clear();
            proxy.inject(FaultProxy.calls("GET", "/containers/[^/]+/logs"), fault, -1);
            CliRunner.Result r = timed(0, "-p", p, "logs", "web");
            assertEquals(ExitCodes.FAILED, r.exit(), fault + ": " + r);
            assertTrue(r.err().contains("logs of " + p + "-web-1: "), fault + ": " + r);
            assertNoStackTrace(r);
        }
        proxy.clear();
        CliRunner.Result r = cli.run("-p", p, "logs", "web");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("web hello"), r.toString());
    }

    @Test
    void logsThatHangFailAfterTheResponseTimeout(EngineProjects projects) {
        String p = projects.create("fault");
        convergesOnce(p);
        proxy.inject(FaultProxy.calls("GET", "/containers/[^/]+/logs"), new Fault.Hang(), -1);
        CliRunner.Result r = timed(RESPONSE_MILLIS, hurried, "-p", p, "logs", "web");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("read logs of " + p + "-web-1: the engine sent nothing for 5 s (COMPOSE_HTTP_TIMEOUT=5 s)"), r.toString());
        assertNoStackTrace(r);
    }

    /** An {@code up -d} through the clean proxy makes the stack: one running container per service, nothing else. */
    private void convergesOnce(String p) {
        CliRunner.Result up = cli.run("-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        assertEquals(List.of(p + "-cache-1", p + "-web-1", p + "-worker-1"), names(p));
        assertRunning(p);
        CliRunner.Result again = cli.run("-p", p, "up", "-d");
        assertEquals(0, again.exit(), again.toString());
        assertEquals(List.of(p + "-cache-1", p + "-web-1", p + "-worker-1"), names(p), "a second up changes nothing");
    }

    private CliRunner cliWith(String name, String value) {
        return cli.env(name, value);
    }

    private CliRunner.Result timed(long boundMillis, String... args) {
        return timed(boundMillis, cli, args);
    }

    /** Runs a command, which must end within {@code boundMillis} and the slack. */
    private static CliRunner.Result timed(long boundMillis, CliRunner runner, String... args) {
        long start = System.nanoTime();
        CliRunner.Result r = runner.run(args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis <= boundMillis + SLACK_MILLIS, String.join(" ", args) + " took " + millis + " ms, bound " + boundMillis + " ms\n" + r);
        return r;
    }

    private static List<String> names(String p) {
        try (Engine engine = RealEngine.connect()) {
            return engine.containers(p).stream().map(ObservedContainer::name).sorted().toList();
        }
    }

    private static void assertRunning(String p) {
        try (Engine engine = RealEngine.connect()) {
            Map<String, String> states = new TreeMap<>();
            for (ObservedContainer c : engine.containers(p)) states.put(c.name(), c.state());
            assertTrue(states.values().stream().allMatch("running"::equals), states.toString());
        }
    }

    private static void assertOneLineError(CliRunner.Result r, String message) {
        assertEquals(message + "\n", r.err().replaceFirst("^Error: ", ""), r.toString());
        assertNoStackTrace(r);
    }

    static void assertNoStackTrace(CliRunner.Result r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("internal error"), "a stack trace or an internal error:\n" + r);
    }
}
