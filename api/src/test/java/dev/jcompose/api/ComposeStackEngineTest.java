package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ComposeStack} against the real engine: up, ports, exec, logs, waits, failures, side by side, and the sweep. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class ComposeStackEngineTest {
    static final Path STACKS = Path.of("src/test/resources/stacks");

    private static String get(URI uri) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), uri.toString());
        return r.body().strip();
    }

    /** Whatever the engine still has of the project: containers, networks, volumes. */
    private static List<String> leftovers(String project) {
        try (Engine engine = RealEngine.connect()) {
            List<String> out = new ArrayList<>();
            engine.containers(project).forEach(c -> out.add("container " + c.name()));
            engine.networks().stream().filter(n -> project.equals(n.project())).forEach(n -> out.add("network " + n.name()));
            engine.volumes(project).forEach(v -> out.add("volume " + v.name()));
            return out;
        }
    }

    @Test
    void upServesOnAnEphemeralPortExecAndLogsWorkAndCloseLeavesNothing(EngineProjects projects) throws Exception {
        String name;
        try (ComposeStack stack = ComposeStack.builder().file(STACKS.resolve("web/compose.yaml")).uniqueProjectName()
                .randomHostPorts().build().up()) {
            name = projects.track(stack.projectName());
            ServiceHandle web = stack.service("web");
            assertNotEquals(8080, web.port(80), "an ephemeral port, not the file's");
            assertEquals("hello-from-web", get(web.uri("http", 80)), "served at once: up waited for the healthcheck");
            ExecResult r = web.exec("sh", "-c", "cat /www/index.html; echo oops >&2; exit 4");
            assertEquals(new ExecResult(4, "hello-from-web\n", "oops\n"), r);
            assertTrue(web.logs().contains("web ready"), web.logs());
            assertEquals(List.of(name + "-web-1"), web.containers());
            var e = assertThrows(IllegalArgumentException.class, () -> stack.service("wbe"));
            assertTrue(e.getMessage().contains("did you mean \"web\"?"), e.getMessage());
            assertTrue(leftovers(name).contains("volume " + name + "_data"), leftovers(name).toString());
        }
        assertEquals(List.of(), leftovers(name), "close() took it all down, the named volume too");
    }

    @Test
    void twoStacksOfOneFileRunSideBySide(EngineProjects projects) throws Exception {
        CompletableFuture<ComposeStack> a = CompletableFuture.supplyAsync(() -> ComposeStack.builder()
                .file(STACKS.resolve("web/compose.yaml")).uniqueProjectName().randomHostPorts().stopTimeout(Duration.ZERO).build().up());
        CompletableFuture<ComposeStack> b = CompletableFuture.supplyAsync(() -> ComposeStack.builder()
                .file(STACKS.resolve("web/compose.yaml")).uniqueProjectName().randomHostPorts().stopTimeout(Duration.ZERO).build().up());
        try (ComposeStack one = a.get(120, TimeUnit.SECONDS); ComposeStack two = b.get(120, TimeUnit.SECONDS)) {
            projects.track(one.projectName());
            projects.track(two.projectName());
            assertNotEquals(one.projectName(), two.projectName());
            assertNotEquals(one.service("web").port(80), two.service("web").port(80));
            assertEquals("hello-from-web", get(one.service("web").uri("http", 80)));
            assertEquals("hello-from-web", get(two.service("web").uri("http", 80)));
        }
    }

    @Test
    void aServiceThatFailsToStartPutsItsLastLogLinesInTheErrorAndNothingStays(EngineProjects projects) {
        ComposeStack stack = ComposeStack.builder().file(STACKS.resolve("broken/compose.yaml")).uniqueProjectName()
                .waitTimeout(Duration.ofSeconds(60)).stopTimeout(Duration.ZERO).build();
        String name = projects.track(stack.projectName());
        var e = assertThrows(ComposeStackException.class, stack::up);
        assertTrue(e.getMessage().contains(name + "-broken-1 (exited with code 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("fatal: no such table: users"), e.getMessage());
        assertTrue(e.getMessage().contains("configuring..."), e.getMessage());
        assertEquals(List.of(), leftovers(name), "a failed up takes down what it made");
    }

    @Test
    void waitsForALogLineAndAListenerOnImagesWithoutAHealthcheck(EngineProjects projects) throws Exception {
        try (ComposeStack stack = ComposeStack.builder().file(STACKS.resolve("nocheck/compose.yaml")).uniqueProjectName()
                .waitFor("slow", WaitStrategy.log("listening now")).waitFor("slow", WaitStrategy.listening(8000))
                .waitFor("slow", WaitStrategy.http(8000, "/")).stopTimeout(Duration.ZERO).build().up()) {
            projects.track(stack.projectName());
            // no retry: up returned only once the server answered
            assertEquals("up", get(stack.service("slow").uri("http", 8000)));
        }
    }

    @Test
    void aWaitThatNeverHoldsEndsWithAClearErrorWithinItsTimeout(EngineProjects projects) {
        ComposeStack stack = ComposeStack.builder().file(STACKS.resolve("nocheck/compose.yaml")).uniqueProjectName()
                .waitTimeout(Duration.ofSeconds(5)).waitFor("slow", WaitStrategy.log("never printed")).stopTimeout(Duration.ZERO).build();
        String name = projects.track(stack.projectName());
        long start = System.nanoTime();
        var e = assertThrows(ComposeStackException.class, stack::up);
        assertTrue(e.getMessage().contains("a log line matching /never printed/ did not happen within 5 s"), e.getMessage());
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "bounded by the timeout");
        assertEquals(List.of(), leftovers(name));
    }

    @Test
    void aStackAKilledJvmLeftBehindIsSweptAndALiveOnesIsNot(EngineProjects projects) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StackHolder.class.getName(), STACKS.resolve("web/compose.yaml").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String crashed;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("UP "), "the holder brought its stack up: " + line);
            crashed = projects.track(line.substring(3));
        }
        try (ComposeStack live = ComposeStack.builder().file(STACKS.resolve("web/compose.yaml")).uniqueProjectName()
                .randomHostPorts().stopTimeout(Duration.ZERO).build().up()) {
            projects.track(live.projectName());
            assertEquals(List.of(), live.sweepLeftovers().stream().filter(p -> p.equals(crashed)).toList(),
                    "the holder still runs: its stack is not left over");
            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs
            holder.waitFor(30, TimeUnit.SECONDS);
            assertTrue(!leftovers(crashed).isEmpty(), "kill -9 left the stack behind");
            List<String> swept = live.sweepLeftovers();
            assertTrue(swept.contains(crashed), swept.toString());
            assertEquals(List.of(), leftovers(crashed), "the sweep took it down, its volume too");
            assertTrue(!leftovers(live.projectName()).isEmpty(), "the sweeping stack's own is untouched");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void oneStackMayBeUsedFromSeveralThreadsAtOnce(EngineProjects projects) throws Exception {
        try (ComposeStack stack = ComposeStack.builder().file(STACKS.resolve("web/compose.yaml")).uniqueProjectName()
                .randomHostPorts().stopTimeout(Duration.ZERO).build()) {
            projects.track(stack.projectName());
            // three ups at once: the project's lock orders them, the later ones find nothing to do
            List<CompletableFuture<ComposeStack>> ups = List.of(CompletableFuture.supplyAsync(stack::up),
                    CompletableFuture.supplyAsync(stack::up), CompletableFuture.supplyAsync(stack::up));
            for (var up : ups) up.get(120, TimeUnit.SECONDS);
            assertEquals(List.of(stack.projectName() + "-web-1"), stack.service("web").containers(), "no duplicate container");
            List<CompletableFuture<ExecResult>> execs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String word = "w" + i;
                execs.add(CompletableFuture.supplyAsync(() -> stack.service("web").exec("echo", word)));
            }
            for (int i = 0; i < 6; i++) assertEquals(new ExecResult(0, "w" + i + "\n", ""), execs.get(i).get(60, TimeUnit.SECONDS));
        }
    }
}
