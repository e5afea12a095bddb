package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineApi;
import dev.jcompose.executor.testing.OwnEngine;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine dies in the middle of an {@code up -d} or a {@code down} of a 20-service stack: an engine of the test's
 * own ({@link OwnEngine}) is stopped (SIGTERM, as {@code systemctl stop docker}) or killed (SIGKILL, a crash) once a
 * chosen number of containers exist (or are gone), then started again. The cut command ends with exit 1, an error
 * that names the engine or the call it lost, and the steps it did not run; the next one converges: one container
 * per service, all running (or none left after a down), no temporary {@code <id>_<name>} container, and the named
 * volume with the data written into it before.
 */
@Tag("engine")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FaultEngineDeathTest {
    private static final int SERVICES = 20;

    private static OwnEngine own;
    @TempDir
    static Path dir;

    @BeforeAll
    static void launch() throws IOException {
        own = OwnEngine.launch(OwnEngine.Options.named("faults"));
        own.loadBaseImage();
        StringBuilder yaml = new StringBuilder("services:\n");
        for (int i = 1; i <= SERVICES; i++) {
            yaml.append("  s").append(String.format("%02d", i)).append(":\n")
                    .append("    image: ").append(RealEngine.BASE_IMAGE).append('\n')
                    .append("    stop_grace_period: 1s\n")
                    .append("    command: [\"sh\", \"-c\", \"")
                    .append(i == 1 ? "test -f /data/marker || cat /proc/sys/kernel/random/uuid > /data/marker; " : "")
                    .append("trap 'exit 0' TERM; while true; do sleep 1; done\"]\n");
            if (i == 1) yaml.append("    volumes: [\"data:/data\"]\n");
        }
        yaml.append("volumes:\n  data: {}\n");
        Files.writeString(dir.resolve("compose.yaml"), yaml.toString());
    }

    @AfterAll
    static void close() {
        if (own != null) own.close();
    }

    /** How the engine goes away. */
    enum Death { SIGTERM, SIGKILL }

    /** Which command is cut, and when: after {@code count} containers exist (up), or have gone (down). */
    private record Cut(Death death, String command, int count) {}

    /**
     * Four cuts in turn on one project, each leaving the state the next one starts from: an up cut by a SIGTERM
     * after 4 containers, a down cut by a SIGKILL after 5 are gone, an up cut by a SIGKILL after 12, a down cut by
     * a SIGTERM after 12 are gone.
     */
    @Test
    void upsAndDownsCutByTheEngineGoingAwayAreFinishedByTheNextOne() {
        String p = project();
        converge(p);
        String marker = marker(p);
        assertEquals(0, cli().run("-p", p, "down").exit()); // the stack is made anew below; the volume stays
        for (Cut round : List.of(new Cut(Death.SIGTERM, "up", 4), new Cut(Death.SIGKILL, "down", 5),
                new Cut(Death.SIGKILL, "up", 12), new Cut(Death.SIGTERM, "down", 12))) {
            long start = System.nanoTime();
            String finished;
            if (round.command().equals("up")) {
                CliRunner.Result cut = cutShort(round.death(), () -> cli().run("-p", p, "up", "-d"), n -> n >= round.count(), p);
                assertEquals(ExitCodes.FAILED, cut.exit(), round + ": " + cut);
                assertNamesWhatWasLost(cut, round.death());
                assertTrue(cut.err().contains("not run because of the error: "), round + ": the steps not run are named\n" + cut);
                finished = "converged by up #" + convergeAfterCut(p);
            } else {
                CliRunner.Result cut = cutShort(round.death(), () -> cli().run("-p", p, "down"), n -> n <= SERVICES - round.count(), p);
                // a SIGTERM stops every container the daemon has: the down may find what it still had to do done
                if (cut.exit() != 0) {
                    assertEquals(ExitCodes.FAILED, cut.exit(), round + ": " + cut);
                    assertNamesWhatWasLost(cut, round.death());
                }
                CliRunner.Result again = cli().run("-p", p, "down");
                assertEquals(0, again.exit(), round + ": the second down\n" + again);
                assertEquals(List.of(), names(p), "nothing of the project is left");
                assertTrue(networks(p).isEmpty(), "its network is gone: " + networks(p));
                finished = "the cut down " + (cut.exit() == 0 ? "still ended well" : "exited " + cut.exit()) + ", the next finished";
            }
            assertEquals(marker, marker(p), round + ": the named volume and its data survive");
            System.out.printf("%s cut by %s at %d containers: %s; round %d ms%n", round.command(), round.death(), round.count(), finished,
                    (System.nanoTime() - start) / 1_000_000);
        }
        assertEquals(0, cli().run("-p", p, "down", "-v").exit());
    }

    @Test
    void logsFollowingAnEngineThatIsKilledEndWithAnError() {
        String p = project();
        assertEquals(0, cli().run("-p", p, "up", "-d", "s01").exit());
        CompletableFuture<CliRunner.Result> following = CompletableFuture.supplyAsync(() -> cli().run("-p", p, "logs", "-f", "s01"));
        sleep(1500); // following by now; if not, the command meets the dead engine at its start, which must end as well
        assertTrue(!following.isDone(), "logs -f follows a running container: " + (following.isDone() ? following.join() : ""));
        own.kill();
        CliRunner.Result r;
        try {
            r = following.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("logs -f did not end after the engine was killed", e);
        } finally {
            own.start();
        }
        assertTrue(r.exit() == ExitCodes.FAILED || r.exit() == ExitCodes.ENGINE_UNAVAILABLE, r.toString());
        assertTrue(r.err().contains(own.host()) || r.err().contains("logs of " + p + "-s01-1: "), "names the engine or the stream\n" + r);
        FaultsThroughProxyEngineTest.assertNoStackTrace(r);
        assertEquals(0, cli().run("-p", p, "down", "-v").exit());
    }

    private static String project() {
        return "jct-death-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CliRunner cli() {
        return new CliRunner(dir, DockerJavaEngine::connect).env("DOCKER_HOST", own.host());
    }

    /**
     * Runs {@code command} on a thread of its own, stops or kills the engine once {@code when} holds for the number
     * of the project's containers, waits for the command to end, and starts the engine again.
     */
    private static CliRunner.Result cutShort(Death death, Supplier<CliRunner.Result> command, IntPredicate when, String p) {
        CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(command);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!when.test(count(p))) {
            if (running.isDone()) throw new AssertionError("the command ended before the point to cut it: " + running.join());
            if (System.nanoTime() > deadline) throw new AssertionError("the point to cut was never reached");
            sleep(20);
        }
        if (death == Death.SIGKILL) own.kill();
        else own.stop();
        CliRunner.Result cut;
        try {
            cut = running.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the command did not end after the engine went away", e);
        }
        own.start();
        return cut;
    }

    /**
     * Every error line names a call and what it was on. A call in flight when the engine went loses its
     * connection, the calls after it find no engine; while a SIGTERM is shutting the daemon down, it answers with
     * its own errors ("failed to update store ...: open : no such file or directory").
     */
    private static void assertNamesWhatWasLost(CliRunner.Result cut, Death death) {
        List<String> errors = cut.err().lines().filter(l -> l.startsWith("Error: ")).toList();
        assertTrue(!errors.isEmpty(), death + ": an error is told\n" + cut);
        for (String e : errors) {
            boolean named = e.matches("Error: (lost the Docker engine at " + Pattern.quote(own.host()) + " during )?"
                    + "(create|start|stop|remove|rename|connect|disconnect|list|inspect) (container|network|volume|containers|networks|volumes)\\b.*: .+")
                    || e.startsWith("Error: Cannot connect to the Docker engine at " + own.host());
            assertTrue(named, death + ": an error names the call it lost: " + e + "\n" + cut);
        }
        FaultsThroughProxyEngineTest.assertNoStackTrace(cut);
    }

    /**
     * The {@code up} after the cut, repeated while the engine refuses a start with "task ...: already exists": after a
     * SIGKILL, a container whose start was under way keeps a task in containerd that the restarted daemon does not
     * know of (an engine bug: balena-os/balena-engine#435 tells the same of moby's code). Every other failure fails
     * the test. Returns how many ups it took.
     */
    private static int convergeAfterCut(String p) {
        for (int attempt = 1; attempt < 4; attempt++) {
            CliRunner.Result up = cli().run("-p", p, "up", "-d");
            if (up.exit() == 0) {
                converge(p);
                return attempt;
            }
            List<String> errors = up.err().lines().filter(l -> l.startsWith("Error: ")).toList();
            assertTrue(!errors.isEmpty() && errors.stream().allMatch(e -> e.matches("Error: start container \\S+: task \\w+: already exists")),
                    "the up after the cut fails for another reason than the engine's stale task\n" + up);
            FaultsThroughProxyEngineTest.assertNoStackTrace(up);
            sleep(2000);
        }
        throw new AssertionError("no up converged after three tries");
    }

    /** A full {@code up -d}: one running container per service, no temporary, no duplicate. */
    private static void converge(String p) {
        CliRunner.Result up = cli().run("-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        List<String> expected = IntStream.rangeClosed(1, SERVICES).mapToObj(i -> String.format("%s-s%02d-1", p, i)).toList();
        assertEquals(expected, names(p), "one container per service, under its own name");
        Map<String, String> states = new TreeMap<>();
        try (Engine engine = own.connect()) {
            for (ObservedContainer c : engine.containers(p)) states.put(c.name(), c.state());
        }
        assertTrue(states.values().stream().allMatch("running"::equals), states.toString());
    }

    private static int count(String p) {
        try (Engine engine = own.connect()) {
            return engine.containers(p).size();
        } catch (RuntimeException e) {
            return -1; // going away: the caller's deadline covers it
        }
    }

    private static List<String> names(String p) {
        try (Engine engine = own.connect()) {
            return engine.containers(p).stream().map(ObservedContainer::name).sorted().toList();
        }
    }

    private static List<String> networks(String p) {
        try (Engine engine = own.connect()) {
            return engine.networks().stream().filter(n -> p.equals(n.project())).map(ObservedNetwork::name).toList();
        }
    }

    /** What s01 wrote into the named volume at its first start, read by a container of its own. */
    private static String marker(String p) {
        EngineApi api = own.api();
        String id = api.expect("POST", "/containers/create", Map.of(
                "Image", RealEngine.BASE_IMAGE,
                "Cmd", List.of("cat", "/data/marker"),
                "Tty", true,
                "HostConfig", Map.of("Binds", List.of(p + "_data:/data")))).get("Id").asText();
        try {
            api.expect("POST", "/containers/" + id + "/start", null);
            api.expect("POST", "/containers/" + id + "/wait", null);
            String text = api.get("/containers/" + id + "/logs?stdout=1&stderr=1").body().strip();
            assertTrue(text.matches("[0-9a-f-]{36}"), "the marker: " + text);
            return text;
        } finally {
            api.delete("/containers/" + id + "?force=1");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
