package dev.jcompose.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.OwnEngine;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.DownOptions;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Commands on one project, and on two projects sharing a network, at the same moment, through the service layer in
 * threads of one JVM (the in-process half of the project lock; {@code RaceProcessesEngineTest} in the cli module
 * races processes, the file-lock half). Each race repeats for several rounds, all started together on a barrier,
 * and checks the engine's state after each round.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaceEngineTest {
    private static final int RUNS_AT_ONCE = 10;
    private static final int RUN_ROUNDS = 2;
    private static final int UP_ROUNDS = 3;
    private static final int UP_DOWN_ROUNDS = 4;
    private static final int SHARED_NETWORK_ROUNDS = 20;
    private static final int NAMED_NETWORK_ROUNDS = 5;
    private static final int RUN_DOWN_ROUNDS = 3;

    @TempDir
    Path dir;

    private Engine engine;
    private ComposeService service;
    private ExecutorService threads;

    /** The class's own dockerd: the races may fill it, and nobody else's tests run on it. */
    private OwnEngine own;

    @BeforeAll
    void launch() {
        own = OwnEngine.launch(OwnEngine.Options.named("races"));
        own.loadBaseImage();
    }

    @AfterAll
    void stopEngine() {
        if (own != null) own.close();
    }

    @BeforeEach
    void connect() {
        engine = own.connect();
        service = new ComposeService(engine, new ComposeService.Settings(4, dir.resolve("locks")));
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        engine.close();
    }

    private Project project(String name, String yaml) throws IOException {
        Path projectDir = Files.createDirectories(dir.resolve(name));
        Files.writeString(projectDir.resolve("compose.yaml"), yaml);
        return ComposeLoader.load(LoadOptions.of(projectDir, Map.of()).withProjectName(name)).project();
    }

    /** Runs every task at the same moment (a barrier), waits for all and gives their results in order. */
    private <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) results.add(f.get(120, TimeUnit.SECONDS));
        return results;
    }

    private static final String JOB = """
            services:
              job:
                image: jcompose/busybox:latest
                command: ["sh", "-c", "echo ran in $$(hostname)"]
            """;

    @Test
    void tenRunRmOfOneServiceAtOnceGetUniqueNamesAllExitZeroAndLeaveNothing(EngineProjects projects) throws Exception {
        String p = projects.create("race-run");
        Project project = project(p, JOB);
        TreeSet<String> allNames = new TreeSet<>();
        for (int round = 0; round < RUN_ROUNDS; round++) {
            List<Callable<String>> runs = new ArrayList<>();
            for (int i = 0; i < RUNS_AT_ONCE; i++) {
                runs.add(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    RunResult r = service.run(project, RunRequest.attached("job", List.of(), Map.of()),
                            new Stdio(null, out::writeBytes, b -> { }), Events.NONE);
                    String printed = out.toString(StandardCharsets.UTF_8);
                    assertTrue(r.outcome().ok(), r.toString());
                    assertEquals(0, r.exitCode(), r + " " + printed);
                    assertTrue(printed.startsWith("ran in "), "its output came back: " + printed);
                    return r.container();
                });
            }
            List<String> names = atOnce(runs);
            assertEquals(RUNS_AT_ONCE, new TreeSet<>(names).size(), "one-off names are unique: " + names);
            for (String n : names) assertTrue(n.startsWith(p + "-job-run-"), n);
            allNames.addAll(names);
            assertEquals(List.of(), names(engine.containers(p)), "every --rm one-off is gone after round " + round);
        }
        assertEquals(RUNS_AT_ONCE * RUN_ROUNDS, allNames.size());
    }

    /**
     * {@code down} while {@code run --rm} one-offs still run: down stops and removes them, and each run, whose own
     * removal then meets down's (gone, or "removal already in progress"), ends without an error; nothing is left.
     */
    @Test
    void downWhileRunRmOneOffsRunEndsBothCleanly(EngineProjects projects) throws Exception {
        String p = projects.create("race-rundown");
        Project project = project(p, """
                services:
                  job:
                    image: jcompose/busybox:latest
                    init: true
                    command: ["sleep", "30"]
                """);
        DownRequest down = new DownRequest(new DownOptions(false, false, 0), DownRequest.RemoveImages.NONE, false);
        for (int round = 0; round < RUN_DOWN_ROUNDS; round++) {
            List<Future<RunResult>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(threads.submit(() -> service.run(project, RunRequest.attached("job", List.of(), Map.of()),
                        new Stdio(null, b -> { }, b -> { }), Events.NONE)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (engine.containers(p).stream().filter(ObservedContainer::running).count() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(3, engine.containers(p).stream().filter(ObservedContainer::running).count(), "the one-offs run");
            Outcome downed = service.down(p, project, down, Events.NONE);
            assertTrue(downed.ok(), "round " + round + ": " + downed);
            for (Future<RunResult> f : runs) {
                RunResult r = f.get(60, TimeUnit.SECONDS);
                assertTrue(r.outcome().ok(), "round " + round + ": a run whose one-off down removed ends without an error: " + r);
            }
            assertDown(p);
        }
    }

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
              worker:
                image: jcompose/busybox:latest
                init: true
                command: ["sleep", "600"]
                depends_on: [db]
            """;

    @Test
    void threeUpsOfOneProjectAtOnceDoTheWorkOnceAndMakeNoDuplicate(EngineProjects projects) throws Exception {
        String p = projects.create("race-up");
        Project project = project(p, STACK);
        for (int round = 0; round < UP_ROUNDS; round++) {
            List<Callable<Outcome>> ups = new ArrayList<>();
            for (int i = 0; i < 3; i++) ups.add(() -> service.up(project, UpRequest.detached(), Events.NONE));
            List<Outcome> outcomes = atOnce(ups);
            for (Outcome o : outcomes) assertTrue(o.ok(), o.toString());
            assertEquals(1, outcomes.stream().filter(o -> o.done() > 0).count(), "one up did the work, the others found nothing to do: " + outcomes);
            assertUp(p);
            Outcome down = service.down(p, project, new DownRequest(new DownOptions(false, false, 0), DownRequest.RemoveImages.NONE, false), Events.NONE);
            assertTrue(down.ok(), down.toString());
            assertDown(p);
        }
    }

    @Test
    void upAndDownOfOneProjectRacingEndAsOneOrTheOtherNeverAMix(EngineProjects projects) throws Exception {
        String p = projects.create("race-updown");
        Project project = project(p, STACK);
        DownRequest down = new DownRequest(new DownOptions(false, false, 0), DownRequest.RemoveImages.NONE, false);
        int ups = 0;
        for (int round = 0; round < UP_DOWN_ROUNDS; round++) {
            // from up and from down in turn: each race starts from the state the other command makes
            if (round % 2 == 0) assertTrue(service.up(project, UpRequest.detached(), Events.NONE).ok());
            List<Outcome> outcomes = atOnce(List.of(
                    () -> service.up(project, UpRequest.detached(), Events.NONE),
                    () -> service.down(p, project, down, Events.NONE)));
            for (Outcome o : outcomes) assertTrue(o.ok(), "round " + round + ": " + o);
            if (engine.containers(p).isEmpty()) {
                assertDown(p);
            } else {
                assertUp(p);
                ups++;
                assertTrue(service.down(p, project, down, Events.NONE).ok());
            }
        }
        // the lock decides which goes second, not the test: which way each round ended is told, not asserted
        System.out.println("up/down race: ended up " + ups + " times in " + UP_DOWN_ROUNDS + " rounds");
    }

    private void assertUp(String p) {
        List<ObservedContainer> containers = engine.containers(p);
        assertEquals(List.of(p + "-db-1", p + "-web-1", p + "-worker-1"), names(containers), "one container per service, no duplicate, no temporary name");
        for (ObservedContainer c : containers) assertTrue(c.running(), c.name() + " is running");
        assertTrue(engine.networks().stream().anyMatch(n -> n.name().equals(p + "_default")), "its network is there");
    }

    private void assertDown(String p) {
        assertEquals(List.of(), names(engine.containers(p)));
        assertTrue(engine.networks().stream().noneMatch(n -> p.equals(n.project())), "its network is gone");
    }

    private static List<String> names(List<ObservedContainer> containers) {
        return containers.stream().map(ObservedContainer::name).sorted().toList();
    }

    @Test
    void twoProjectsSharingOneExternalNetworkComeUpAndGoDownTogetherTwentyTimes(EngineProjects projects) throws Exception {
        String a = projects.create("race-net-a");
        String b = projects.create("race-net-b");
        String shared = projects.create("race-net") + "_shared";
        engine.createNetwork(new NetworkSpec(shared, null, new TreeMap<>(), new TreeMap<>(), false, false, null, null));
        try {
            String yaml = """
                    services:
                      app:
                        image: jcompose/busybox:latest
                        init: true
                        command: ["sleep", "600"]
                        networks: [shared]
                    networks:
                      shared:
                        external: true
                        name: %s
                    """.formatted(shared);
            Project pa = project(a, yaml);
            Project pb = project(b, yaml);
            DownRequest down = new DownRequest(new DownOptions(false, false, 0), DownRequest.RemoveImages.NONE, false);
            for (int round = 0; round < SHARED_NETWORK_ROUNDS; round++) {
                List<Outcome> up = atOnce(List.of(
                        () -> service.up(pa, UpRequest.detached(), Events.NONE),
                        () -> service.up(pb, UpRequest.detached(), Events.NONE)));
                for (Outcome o : up) assertTrue(o.ok(), "round " + round + " up: " + o);
                for (String p : List.of(a, b)) {
                    List<ObservedContainer> containers = engine.containers(p);
                    assertEquals(List.of(p + "-app-1"), names(containers));
                    assertTrue(containers.get(0).running());
                    assertTrue(containers.get(0).networks().contains(shared), containers.get(0).networks().toString());
                }
                List<Outcome> gone = atOnce(List.of(
                        () -> service.down(a, pa, down, Events.NONE),
                        () -> service.down(b, pb, down, Events.NONE)));
                for (Outcome o : gone) assertTrue(o.ok(), "round " + round + " down: " + o);
                assertEquals(List.of(), names(engine.containers(a)));
                assertEquals(List.of(), names(engine.containers(b)));
                assertTrue(engine.networks().stream().map(ObservedNetwork::name).anyMatch(shared::equals), "the external network stays");
            }
        } finally {
            engine.removeNetwork(shared);
        }
    }

    /**
     * Two projects naming one network that neither declares external ({@code networks: default: name: X}): the first
     * up makes it, the other joins it; a down leaves it while the other project's containers use it, as docker
     * compose does ("still in use"), and whichever goes last removes it.
     */
    @Test
    void twoProjectsNamingOneNetworkComeUpAndGoDownTogether(EngineProjects projects) throws Exception {
        String a = projects.create("race-named-a");
        String b = projects.create("race-named-b");
        String shared = projects.create("race-named") + "_net";
        String yaml = """
                services:
                  app:
                    image: jcompose/busybox:latest
                    init: true
                    command: ["sleep", "600"]
                networks:
                  default:
                    name: %s
                """.formatted(shared);
        Project pa = project(a, yaml);
        Project pb = project(b, yaml);
        DownRequest down = new DownRequest(new DownOptions(false, false, 0), DownRequest.RemoveImages.NONE, false);
        try {
            for (int round = 0; round < NAMED_NETWORK_ROUNDS; round++) {
                List<Outcome> up = atOnce(List.of(
                        () -> service.up(pa, UpRequest.detached(), Events.NONE),
                        () -> service.up(pb, UpRequest.detached(), Events.NONE)));
                for (Outcome o : up) assertTrue(o.ok(), "round " + round + " up: " + o);
                for (String p : List.of(a, b)) {
                    List<ObservedContainer> containers = engine.containers(p);
                    assertEquals(List.of(p + "-app-1"), names(containers));
                    assertTrue(containers.get(0).running() && containers.get(0).networks().contains(shared), containers.get(0).toString());
                }
                assertEquals(1, engine.networks().stream().filter(n -> n.name().equals(shared)).count(), "one network of that name");
                List<Outcome> gone = atOnce(List.of(
                        () -> service.down(a, pa, down, Events.NONE),
                        () -> service.down(b, pb, down, Events.NONE)));
                for (Outcome o : gone) assertTrue(o.ok(), "round " + round + " down: " + o);
                assertEquals(List.of(), names(engine.containers(a)));
                assertEquals(List.of(), names(engine.containers(b)));
            }
        } finally {
            try {
                if (engine.networks().stream().anyMatch(n -> n.name().equals(shared))) engine.removeNetwork(shared);
            } catch (RuntimeException e) {
                // two of that name (the failure above says so): the class's engine goes with everything on it
            }
        }
    }
}
