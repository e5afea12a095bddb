package dev.jcompose.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.executor.testing.ForwardingEngine;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.Planner;
import dev.jcompose.planner.UpOptions;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.planner.plan.Step;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorTest {
    @TempDir
    Path dir;

    private Project stack() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: busybox, depends_on: [api], ports: ["8080:80"]}
                  api: {image: busybox, depends_on: [db]}
                  db: {image: busybox, volumes: ["data:/data"]}
                  docs: {image: busybox}
                volumes:
                  data: {}
                """);
        return ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
    }

    private static Plan up(Project p, Engine engine) {
        return Planner.up(p, StateCollector.collect(engine, p), UpOptions.defaults());
    }

    @Test
    void bringsTheProjectAboutAndASecondPlanHasNothingToDo() throws IOException {
        Project p = stack();
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        ExecutionReport report = new Executor(engine, 4).execute(up(p, engine), ProgressListener.NONE);
        assertTrue(report.succeeded(), report.toString());
        assertEquals(List.of("demo-api-1", "demo-db-1", "demo-docs-1", "demo-web-1"), engine.running("demo"));
        assertEquals("web", engine.label("demo-web-1", Labels.SERVICE));
        assertEquals("api:service_started:false", engine.label("demo-web-1", Labels.DEPENDS_ON));
        assertTrue(up(p, engine).isEmpty(), "converged: nothing left to do");
    }

    @Test
    void aNetworkOtherContainersStillUseIsLeftWithAWarningNotAFailure() throws IOException {
        Project p = stack();
        InMemoryEngine memory = new InMemoryEngine().withImages("busybox");
        new Executor(memory, 4).execute(up(p, memory), ProgressListener.NONE);
        Engine engine = new ForwardingEngine(memory) {
            @Override
            public void removeNetwork(String name) {
                throw new NetworkInUseException(name, List.of("visitor"));
            }
        };
        List<ProgressEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        Plan down = Planner.down("demo", p, StateCollector.collect(engine, p), dev.jcompose.planner.DownOptions.defaults());
        ExecutionReport report = new Executor(engine, 4).execute(down, events::add);
        assertTrue(report.succeeded(), report.toString());
        assertTrue(memory.running("demo").isEmpty(), "the containers are removed all the same");
        List<ProgressEvent> network = events.stream().filter(e -> e.step().action().resource().equals("Network demo_default")).toList();
        assertEquals(2, network.size(), network.toString());
        assertTrue(network.get(0) instanceof ProgressEvent.Started, network.toString());
        ProgressEvent.Warned warned = (ProgressEvent.Warned) network.get(1);
        assertEquals("network demo_default is still in use by visitor: left in place", warned.message());
    }

    @Test
    void createsAndStartsDependenciesFirst() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        Project p = stack();
        new Executor(engine, 4).execute(up(p, engine), ProgressListener.NONE);
        List<String> calls = engine.calls();
        assertTrue(calls.indexOf("create container demo-db-1") < calls.indexOf("create container demo-api-1"), calls.toString());
        assertTrue(calls.indexOf("start container demo-db-1") < calls.indexOf("start container demo-api-1"), calls.toString());
        assertTrue(calls.indexOf("start container demo-api-1") < calls.indexOf("start container demo-web-1"), calls.toString());
        assertTrue(calls.indexOf("create volume demo_data") < calls.indexOf("create container demo-db-1"), calls.toString());
    }

    @Test
    void theFirstFailureStopsNewWorkAndTheReportSaysWhatRanFailedAndWasSkipped() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox").failing(c -> c.equals("create container demo-api-1"));
        Project p = stack();
        List<ProgressEvent> events = new ArrayList<>();
        ExecutionReport report = new Executor(engine, 1).execute(up(p, engine), events::add);
        assertFalse(report.succeeded());
        assertEquals(List.of("Container demo-api-1"), report.failed().keySet().stream().map(s -> s.action().resource()).toList());
        assertTrue(report.failed().values().iterator().next().contains("injected failure"));
        List<String> skipped = report.skipped().stream().map(s -> s.action().verb() + " " + s.action().resource()).toList();
        assertTrue(skipped.contains("create Container demo-web-1"), skipped.toString());
        assertTrue(skipped.contains("start Container demo-api-1"), skipped.toString());
        assertFalse(engine.calls().contains("create container demo-web-1"), "nothing is scheduled after the failure");
        assertEquals(report.skipped().size(), events.stream().filter(e -> e instanceof ProgressEvent.Skipped).count());
        assertEquals(report.completed().size() + report.failed().size(),
                events.stream().filter(e -> e instanceof ProgressEvent.Started).count(), "every started step ends once");
    }

    @Test
    void runsIndependentStepsTogetherButNeverMoreThanTheLimit() {
        int limit = 2;
        CountDownLatch twoInside = new CountDownLatch(limit);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        InMemoryEngine memory = new InMemoryEngine();
        Engine engine = new ForwardingEngine(memory) {
            @Override
            public void createNetwork(NetworkSpec spec) {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                twoInside.countDown();
                try {
                    // waits for a second call to be inside at the same time: it only comes if steps run in parallel
                    assertTrue(twoInside.await(10, TimeUnit.SECONDS), "a second step never ran alongside the first");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                super.createNetwork(spec);
            }
        };
        PlanBuilder plan = new PlanBuilder();
        for (int i = 0; i < 6; i++) {
            plan.add(new Action.CreateNetwork(new NetworkSpec("n" + i, null, new TreeMap<>(), new TreeMap<>(), false, false, null, null)), "test", List.of());
        }
        ExecutionReport report = new Executor(engine, limit).execute(plan.build(), ProgressListener.NONE);
        assertTrue(report.succeeded(), report.toString());
        assertEquals(limit, most.get());
        assertEquals(6, memory.networks().size());
    }

    @Test
    void aStepThatThrowsAnErrorIsAFailedOutcomeNotAHang() throws IOException {
        Project p = stack();
        InMemoryEngine memory = new InMemoryEngine().withImages("busybox");
        Engine engine = new ForwardingEngine(memory) {
            @Override
            public void createVolume(dev.jcompose.planner.spec.VolumeSpec spec) {
                throw new StackOverflowError("injected error");
            }
        };
        ExecutionReport report = new Executor(engine, 2).execute(up(p, engine), ProgressListener.NONE);
        assertFalse(report.succeeded());
        assertEquals(List.of("Volume demo_data"), report.failed().keySet().stream().map(s -> s.action().resource()).toList());
        assertTrue(report.failed().values().iterator().next().contains("injected error"), report.toString());
        assertTrue(report.skipped().stream().anyMatch(s -> s.action().resource().equals("Container demo-db-1")), report.toString());
    }

    @Test
    void anEmptyPlanRunsNothing() {
        ExecutionReport report = new Executor(new InMemoryEngine(), 2).execute(new Plan(List.<Step>of(), List.of()), ProgressListener.NONE);
        assertTrue(report.succeeded());
        assertTrue(report.completed().isEmpty());
    }
}
