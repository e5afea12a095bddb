package dev.jcompose.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.DownOptions;
import dev.jcompose.planner.Orphans;
import dev.jcompose.planner.Recreate;
import dev.jcompose.planner.RegistryPlans;
import dev.jcompose.planner.UpOptions;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service layer over the in-memory engine: what each command changes, the events it reports, how it ends. */
class ComposeServiceTest {
    @TempDir
    Path dir;

    /** Every event, as text, in the order it came. */
    static final class Recorder implements Events {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void warning(String message) {
            seen.add("warning: " + message);
        }

        @Override
        public void dryRun(Plan plan) {
            seen.add("dry run: " + plan.steps().size() + " steps");
        }

        @Override
        public void executing(Plan plan) {
            seen.add("executing " + plan.steps().size() + " steps");
        }

        @Override
        public void waitingForLock(String project) {
            seen.add("waiting");
        }

        @Override
        public void on(ProgressEvent event) {
            if (event instanceof ProgressEvent.Completed) seen.add(event.step().action().resource() + " " + event.step().action().done());
        }
    }

    private Project project(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
    }

    private ComposeService service(InMemoryEngine engine) {
        return new ComposeService(engine, new ComposeService.Settings(4, dir.resolve("locks")));
    }

    private static final String STACK = """
            services:
              web: {image: busybox, depends_on: [db]}
              db: {image: busybox}
            """;

    @Test
    void upBringsTheStackUpReportsEachStepAndASecondUpChangesNothing() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        Recorder events = new Recorder();
        Outcome first = service(engine).up(project(STACK), UpRequest.detached(), events);
        assertEquals(Outcome.Status.OK, first.status(), first.toString());
        assertEquals(List.of("demo-db-1", "demo-web-1"), engine.running("demo"));
        assertTrue(events.seen.contains("Container demo-web-1 Started"), events.seen.toString());
        int calls = engine.calls().size();
        Outcome second = service(engine).up(project(STACK), UpRequest.detached(), new Recorder());
        assertTrue(second.ok());
        assertEquals(calls, engine.calls().size(), "converged: no engine call the second time: " + engine.calls());
    }

    @Test
    void aDryRunReportsThePlanAndChangesNothing() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        Recorder events = new Recorder();
        UpRequest dry = new UpRequest(UpOptions.defaults(), BuildOptions.ifMissing(), false, 0, true);
        assertTrue(service(engine).up(project(STACK), dry, events).ok());
        assertEquals(List.of(), engine.calls());
        assertTrue(events.seen.stream().anyMatch(s -> s.startsWith("dry run: ")), events.seen.toString());
        assertFalse(events.seen.stream().anyMatch(s -> s.startsWith("executing")), events.seen.toString());
    }

    @Test
    void aFailedStepIsAFailedOutcomeWithTheEngineMessageAndWhatWasNotRun() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox").failing(c -> c.equals("create container demo-db-1"));
        Outcome outcome = service(engine).up(project(STACK), UpRequest.detached(), Events.NONE);
        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertTrue(outcome.firstError().contains("injected failure"), outcome.toString());
        assertTrue(outcome.notRun().stream().anyMatch(s -> s.endsWith("Container demo-web-1")), outcome.toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            WARN,   1, orphan warned
            REMOVE, 0, orphan removed
            IGNORE, 0, nothing said
            """)
    void orphansAreWarnedRemovedOrLeftAloneAsTheOptionSays(Orphans policy, int warnings, String what) throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        service(engine).up(project(STACK + "  old: {image: busybox}\n"), UpRequest.detached(), Events.NONE);
        Recorder events = new Recorder();
        UpRequest request = new UpRequest(UpOptions.defaults().withOrphans(policy), BuildOptions.ifMissing(), false, 0, false);
        assertTrue(service(engine).up(project(STACK), request, events).ok());
        assertEquals(warnings, events.seen.stream().filter(s -> s.startsWith("warning: Found orphan containers")).count(), events.seen.toString());
        assertEquals(policy != Orphans.REMOVE, engine.running("demo").contains("demo-old-1"), what + ": " + engine.running("demo"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            DIVERGED, false
            FORCE,    true
            NEVER,    false
            """)
    void recreateIsOneChoice(Recreate recreate, boolean recreated) throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        service(engine).up(project(STACK), UpRequest.detached(), Events.NONE);
        int before = engine.calls().size();
        UpRequest request = new UpRequest(UpOptions.defaults().withRecreate(recreate), BuildOptions.ifMissing(), false, 0, false);
        assertTrue(service(engine).up(project(STACK), request, Events.NONE).ok());
        List<String> after = engine.calls().subList(before, engine.calls().size());
        assertEquals(recreated, after.stream().anyMatch(c -> c.startsWith("create container")), after.toString());
    }

    @Test
    void downRemovesContainersAndNetworksAndKeepsVolumesUnlessAsked() throws IOException {
        String yaml = "services:\n  db: {image: busybox, volumes: [\"data:/data\"]}\nvolumes:\n  data: {}\n";
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        service(engine).up(project(yaml), UpRequest.detached(), Events.NONE);
        DownRequest keep = new DownRequest(DownOptions.defaults(), DownRequest.RemoveImages.NONE, false);
        assertTrue(service(engine).down("demo", project(yaml), keep, Events.NONE).ok());
        assertEquals(List.of(), engine.running("demo"));
        assertTrue(engine.volume("demo_data").isPresent(), "named volume kept");
        service(engine).up(project(yaml), UpRequest.detached(), Events.NONE);
        DownRequest volumes = new DownRequest(new DownOptions(true, false, 10), DownRequest.RemoveImages.NONE, false);
        assertTrue(service(engine).down("demo", project(yaml), volumes, Events.NONE).ok());
        assertTrue(engine.volume("demo_data").isEmpty(), "-v removes it");
    }

    @Test
    void runDetachedBringsTheDependenciesUpThenStartsAOneOffAndSaysItsName() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        RunRequest request = new RunRequest("web", List.of("echo", "hi"), new TreeMap<>(), false, false, true, false, false, false);
        RunResult result = service(engine).run(project(STACK), request, new Stdio(null, b -> { }, b -> { }), Events.NONE);
        assertTrue(result.outcome().ok(), result.toString());
        assertNotNull(result.container());
        assertTrue(result.container().startsWith("demo-web-run-"), result.container());
        List<String> calls = engine.calls();
        assertTrue(calls.indexOf("start container demo-db-1") < calls.indexOf("create container " + result.container()), calls.toString());
        assertTrue(calls.contains("start container " + result.container()), calls.toString());
        assertFalse(calls.contains("create container demo-web-1"), "run makes no service container of its own: " + calls);
    }

    @Test
    void runWithNoDepsLeavesTheDependenciesAlone() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        RunRequest request = new RunRequest("web", List.of(), new TreeMap<>(), false, true, true, false, false, false);
        RunResult result = service(engine).run(project(STACK), request, new Stdio(null, b -> { }, b -> { }), Events.NONE);
        assertTrue(result.outcome().ok(), result.toString());
        assertFalse(engine.calls().stream().anyMatch(c -> c.contains("demo-db-1")), engine.calls().toString());
    }

    @Test
    void aCommandWaitsForTheLockAnotherHoldsAndSaysSo() throws Exception {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        ComposeService service = service(engine);
        Recorder events = new Recorder();
        Thread other;
        try (ProjectLock held = service.lock("demo", Events.NONE)) {
            Project p = project(STACK);
            other = new Thread(() -> service.up(p, UpRequest.detached(), events));
            other.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!events.seen.contains("waiting") && System.nanoTime() < deadline) Thread.sleep(10);
            assertTrue(events.seen.contains("waiting"), "told that it waits: " + events.seen);
            assertEquals(List.of(), engine.calls(), "nothing is done while another command holds the lock");
        }
        other.join(10_000);
        assertEquals(List.of("demo-db-1", "demo-web-1"), engine.running("demo"));
    }

    @Test
    void aTransferRunsEachImageOnItsOwnAndListsEveryFailure() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withRegistry("redis");
        Project p = project("services:\n  a: {image: nginx}\n  b: {image: redis}\n  c: {image: postgres}\n");
        Outcome outcome = service(engine).transfer(RegistryPlans.pulls(p), false, Events.NONE);
        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(2, outcome.errors().size(), outcome.toString());
        assertTrue(engine.imageExists("redis"), "the image a registry has is pulled all the same");
        assertEquals(List.of("pull image nginx", "pull image postgres", "pull image redis"), engine.calls().stream().sorted().toList());
    }
}
