package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineUnavailableException;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.testing.CannedEngine;
import dev.jcompose.executor.testing.Fault;
import dev.jcompose.executor.testing.FaultProxy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine adapter against an engine that hangs, drops, truncates or talks nonsense ({@link FaultProxy} in front of
 * a {@link CannedEngine}): every call ends within its limit with our exception and a message that names the call,
 * and the connection is usable after.
 */
class TimeoutTest {
    /**
     * What a bound may be overshot by: the JVM's first calls load the transport's classes, and a machine shared by
     * parallel builds runs them slowly. A call that waited for an answer would take forever, not seconds.
     */
    private static final long SLACK_MILLIS = 4000;

    @TempDir
    Path dir;
    private CannedEngine engine;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        engine = CannedEngine.start(dir.resolve("engine.sock"));
        proxy = FaultProxy.start(dir.resolve("proxy.sock"), engine.socket());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        engine.close();
    }

    private Map<String, String> env(String connect, String response) {
        return Map.of("DOCKER_HOST", proxy.host(), EngineTimeouts.CONNECT, connect, EngineTimeouts.RESPONSE, response);
    }

    @Test
    void anEngineThatNeverAnswersThePingIsUnavailableAfterTheConnectTimeout() {
        proxy.inject(FaultProxy.calls("GET", "/_ping"), new Fault.Hang(), -1);
        EngineUnavailableException e = endsWithin(1000, EngineUnavailableException.class,
                () -> DockerJavaEngine.connect(env("1", "30")).close());
        assertEquals("Cannot connect to the Docker engine at " + proxy.host() + ": no answer to GET /_ping within 1 s"
                + " (JCOMPOSE_CONNECT_TIMEOUT). Is the engine hung or overloaded?", e.getMessage());
    }

    @Test
    void aCallThatIsNeverAnsweredFailsAfterTheResponseTimeoutAndTheNextOneWorks() {
        try (DockerJavaEngine docker = DockerJavaEngine.connect(env("5", "1.5"))) {
            proxy.inject(FaultProxy.calls("GET", "/containers/json"), new Fault.Hang(), 1);
            EngineException e = endsWithin(1500, EngineException.class, () -> docker.containers("p"));
            assertFalse(e instanceof EngineUnavailableException, "the engine answered the ping: a failed call, not an absent engine");
            assertEquals("list containers: the engine did not answer within 1.5 s (COMPOSE_HTTP_TIMEOUT=1.5 s)", e.getMessage());
            assertFalse(Thread.currentThread().isInterrupted(), "the time-out's interrupt does not outlive the call");
            assertEquals(0, docker.containers("p").size(), "the connection works after");
        }
    }

    @Test
    void aSlowAnswerWithinTheLimitIsAnAnswer() {
        try (DockerJavaEngine docker = DockerJavaEngine.connect(env("5", "2"))) {
            proxy.inject(FaultProxy.calls("GET", "/containers/json"), new Fault.Delay(Duration.ofMillis(800)), 3);
            for (int i = 0; i < 3; i++) assertEquals(0, docker.containers("p").size());
            assertFalse(Thread.currentThread().isInterrupted());
            assertEquals(3, proxy.injected());
        }
    }

    @Test
    void noLimitWaitsForAnAnswerAsLongAsItTakes() {
        try (DockerJavaEngine docker = DockerJavaEngine.connect(env("5", "0"))) {
            proxy.inject(FaultProxy.calls("GET", "/containers/json"), new Fault.Delay(Duration.ofMillis(1200)), 1);
            long start = System.nanoTime();
            assertEquals(0, docker.containers("p").size());
            assertTrue(System.nanoTime() - start >= 1_200_000_000L);
        }
    }

    @Test
    void aDroppedConnectionIsALostEngineNamingTheCall() {
        try (DockerJavaEngine docker = DockerJavaEngine.connect(env("5", "5"))) {
            // every attempt: the transport retries an idempotent call once on its own
            proxy.inject(FaultProxy.calls("GET", "/containers/json"), new Fault.DropBeforeRequest(), -1);
            EngineException e = endsWithin(3000, EngineException.class, () -> docker.containers("p"));
            assertEquals("list containers: the connection closed without an HTTP answer", e.getMessage());
            proxy.clear();
            assertEquals(0, docker.containers("p").size());
        }
    }

    @Test
    void aTruncatedAnswerFailsTheCallNamingIt() {
        engine.answer("GET", "/containers/json", 200, "[" + "{\"Id\":\"x\",\"Names\":[\"/a\"],\"Labels\":{}},".repeat(50) + "{}]");
        try (DockerJavaEngine docker = DockerJavaEngine.connect(env("5", "5"))) {
            proxy.inject(FaultProxy.calls("GET", "/containers/json"), new Fault.Truncate(300), -1);
            EngineException e = endsWithin(3000, EngineException.class, () -> docker.containers("p"));
            assertTrue(e.getMessage().startsWith("list containers: the answer was cut short (Premature end of"), e.getMessage());
        }
    }

    @Test
    void garbageFailsTheCallNamingIt() {
        try (DockerJavaEngine docker = DockerJavaEngine.connect(env("5", "5"))) {
            proxy.inject(FaultProxy.calls("GET", "/containers/json"), new Fault.Garbage(), -1);
            EngineException e = endsWithin(3000, EngineException.class, () -> docker.containers("p"));
            assertEquals("list containers: the connection closed without an HTTP answer", e.getMessage());
        }
    }

    @Test
    void garbageForThePingIsAnUnavailableEngine() {
        proxy.inject(FaultProxy.calls("GET", "/_ping"), new Fault.Garbage(), -1);
        EngineUnavailableException e = endsWithin(3000, EngineUnavailableException.class, () -> DockerJavaEngine.connect(env("5", "5")).close());
        assertEquals("Cannot connect to the Docker engine at " + proxy.host() + ": the connection closed without an HTTP answer."
                + " Is the engine running? Start one with scripts/engine.sh, or set DOCKER_HOST.", e.getMessage());
    }

    @Test
    void aStopWaitsTheGracePeriodOnTopOfTheResponseTimeout() {
        engine.answer("POST", "/containers/c/stop", 204, "");
        try (DockerJavaEngine docker = DockerJavaEngine.connect(env("5", "1"))) {
            // answered after 1.6 s: past the response time-out, within it plus the stop's 1 s
            proxy.inject(FaultProxy.calls("POST", "/containers/c/stop"), new Fault.Delay(Duration.ofMillis(1600)), 1);
            docker.stopContainer("c", 1);
            proxy.inject(FaultProxy.calls("POST", "/containers/c/stop"), new Fault.Hang(), 1);
            EngineException e = endsWithin(2000, EngineException.class, () -> docker.stopContainer("c", 1));
            assertEquals("stop container c: the engine did not answer within 2 s (COMPOSE_HTTP_TIMEOUT=1 s after the container's 1 s to stop)",
                    e.getMessage());
        }
    }

    @Test
    void aStopWithTheContainersOwnGracePeriodReadsIt() {
        engine.answer("GET", "/containers/c/json", 200, "{\"Config\":{\"StopTimeout\":3}}");
        try (DockerJavaEngine docker = DockerJavaEngine.connect(env("5", "1"))) {
            proxy.inject(FaultProxy.calls("POST", "/containers/c/stop"), new Fault.Hang(), 1);
            EngineException e = endsWithin(4000, EngineException.class, () -> docker.stopContainer("c", -1));
            assertEquals("stop container c: the engine did not answer within 4 s (COMPOSE_HTTP_TIMEOUT=1 s after the container's 3 s to stop)",
                    e.getMessage());
        }
    }

    /**
     * Cut before the answer, or inside its body. (Cut inside the head's header lines, the transport reads what came as
     * a whole answer with an empty body, and a log as an empty log: its parser is lenient there.)
     */
    @ParameterizedTest
    @ValueSource(longs = {-1, 0, 8, 60})
    void aLogCutShortFailsNamingIt(long bodyBytes) {
        String frame = "\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0006hello\n";
        engine.answer("GET", "/containers/c/logs", 200, frame.repeat(20));
        try (DockerJavaEngine docker = DockerJavaEngine.connect(env("5", "5"))) {
            List<String> lines = new ArrayList<>();
            docker.logs("c", new LogOptions(false, null, null, null, false), l -> lines.add(l.text())).awaitEnd(Long.MAX_VALUE);
            assertEquals(20, lines.size(), "uncut: " + lines);
            Fault cut = bodyBytes < 0 ? new Fault.Truncate(0) : new Fault.TruncateBody(bodyBytes);
            proxy.inject(FaultProxy.calls("GET", "/containers/c/logs"), cut, -1);
            EngineException e = endsWithin(3000, EngineException.class,
                    () -> docker.logs("c", new LogOptions(false, null, null, null, false), l -> { }).awaitEnd(Long.MAX_VALUE));
            assertTrue(e.getMessage().startsWith("read logs of c: "), e.getMessage());
        }
    }

    @Test
    void aBadSettingIsRefusedAtConnectNamingIt() {
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> DockerJavaEngine.connect(env("5", "soon")));
        assertEquals("Cannot connect to the Docker engine at " + proxy.host()
                + ": COMPOSE_HTTP_TIMEOUT=\"soon\" is not a number of seconds (for example 60 or 2.5; 0 for no limit)", e.getMessage());
    }

    /** Runs {@code call}, which must throw {@code type} no sooner than {@code boundMillis} minus a little and no later than it plus the slack. */
    private static <T extends Throwable> T endsWithin(long boundMillis, Class<T> type, Executable call) {
        long start = System.nanoTime();
        Throwable thrown = assertThrows(Throwable.class, call);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(type, thrown, () -> "threw " + thrown);
        assertTrue(millis <= boundMillis + SLACK_MILLIS, "ended after " + millis + " ms, bound " + boundMillis + " ms");
        return type.cast(thrown);
    }
}
