package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up} without {@code -d}, on the in-memory engine. */
class AttachedUpTest {
    @TempDir
    Path dir;
    InMemoryEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, depends_on: [db]}
                  db: {image: busybox}
                """);
        engine = new InMemoryEngine().withImages("busybox");
    }

    @Test
    void streamsPrefixedOutputAndEachExitThenReturnsWhenAllHaveStopped() {
        engine.script("demo-web-1", 3, "hello", "bye").script("demo-db-1", 0, "db ready");
        CliRunner.Result r = CliRunner.withEngine(dir, engine).run("up");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("Attaching to db-1, web-1", lines.get(0));
        assertTrue(lines.contains("web-1  | hello") && lines.contains("web-1  | bye") && lines.contains("db-1   | db ready"), r.out());
        assertTrue(lines.contains("web-1 exited with code 3") && lines.contains("db-1 exited with code 0"), r.out());
        assertTrue(lines.indexOf("web-1  | bye") < lines.indexOf("web-1 exited with code 3"), r.out());
    }

    @Test
    void ctrlCStopsTheStackDependentsFirstAndExits130() {
        CliRunner cli = CliRunner.withEngine(dir, engine).interrupts(handler -> {
            Thread press = new Thread(handler); // the user presses Ctrl-C as soon as the logs show
            press.start();
            return () -> { };
        });
        CliRunner.Result r = cli.run("up");
        assertEquals(ExitCodes.INTERRUPTED, r.exit(), r.toString());
        assertTrue(r.err().contains("Gracefully stopping... (press Ctrl+C again to force)"), r.err());
        List<String> calls = engine.calls();
        assertTrue(calls.indexOf("stop container demo-web-1") < calls.indexOf("stop container demo-db-1"), calls.toString());
        assertTrue(engine.running("demo").isEmpty(), "everything stopped");
        assertEquals(2, engine.containers("demo").size(), "stopped, not removed");
    }

    @Test
    void abortOnFailureStopsTheOthersAndReturnsTheFailingCode() {
        engine.script("demo-web-1", 5, "boom");
        CliRunner.Result r = CliRunner.withEngine(dir, engine).run("up", "--abort-on-container-failure");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.out().contains("web-1 exited with code 5"), r.out());
        assertTrue(r.err().contains("Aborting on container exit..."), r.err());
        assertTrue(engine.calls().contains("stop container demo-db-1"), engine.calls().toString());
    }

    @Test
    void theStopAnExitSetsOffEndsBeforeTheCommandClosesTheEngine() {
        // both exit by themselves at once; the stop their exit sets off reads the state slowly, from its own thread
        engine.script("demo-web-1", 0, "done").script("demo-db-1", 0, "done");
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<String> stopSaw = new java.util.concurrent.atomic.AtomicReference<>("nothing yet");
        CliRunner cli = new CliRunner(dir, env -> new dev.jcompose.executor.testing.ForwardingEngine(engine) {
            @Override
            public List<dev.jcompose.planner.observed.ObservedNetwork> networks() {
                if (Thread.currentThread().getName().equals("jcompose-abort")) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    stopSaw.set(closed.get() ? "a closed engine" : "an open engine");
                }
                if (closed.get()) throw new dev.jcompose.executor.EngineException("list networks: Connection pool shut down");
                return super.networks();
            }

            @Override
            public void close() {
                closed.set(true);
            }
        });
        CliRunner.Result r = cli.run("up", "--abort-on-container-exit");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("Aborting on container exit..."), r.err());
        assertEquals("an open engine", stopSaw.get(), "the command returned before the stop had read the state");
        assertTrue(!r.err().contains("Error") && !r.err().contains("shut down"), r.err());
    }

    @Test
    void exitCodeFromReturnsThatServicesCode() {
        engine.script("demo-web-1", 42, "done").script("demo-db-1", 0);
        CliRunner.Result r = CliRunner.withEngine(dir, engine).run("up", "--exit-code-from", "web");
        assertEquals(42, r.exit(), r.toString());
    }

    @Test
    void abortFlagsAreIncompatibleWithDetach() {
        CliRunner.Result r = CliRunner.withEngine(dir, engine).run("up", "-d", "--abort-on-container-exit");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(engine.calls().isEmpty());
    }
}
