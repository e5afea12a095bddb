package dev.jcompose.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.planner.ConfigHasher;
import dev.jcompose.planner.Orphans;
import dev.jcompose.planner.Planner;
import dev.jcompose.planner.PullPolicy;
import dev.jcompose.planner.Recreate;
import dev.jcompose.planner.UpOptions;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An up stopped at any engine call (a crash, a Ctrl-C, a failure), then run again, ends with the stack as the
 * file says: one container per replica under its own name, current, running; no temporary container left over;
 * the anonymous volume of a recreated container carried over.
 */
class InterruptedUpTest {
    @TempDir
    Path dir;

    private Project project(String command) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: busybox, command: %s, volumes: ["/data"], depends_on: [db], scale: 2}
                  db: {image: busybox}
                """.formatted(command));
        return ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
    }

    private static Plan up(Project p, InMemoryEngine engine) {
        return Planner.up(p, StateCollector.collect(engine, p), UpOptions.defaults());
    }

    @Test
    void aRecreateInterruptedAtAnyCallConvergesOnTheNextUp() throws IOException {
        Project before = project("[sleep, '1']");
        Project after = project("[sleep, '2']");
        int calls = 0;
        for (int stopAt = 1; ; stopAt++) {
            InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
            assertTrue(new Executor(engine, 4).execute(up(before, engine), ProgressListener.NONE).succeeded());
            Map<String, String> volumes = new TreeMap<>();
            for (ObservedContainer c : engine.containers("demo")) volumes.put(c.name(), c.volumeMounts().get("/data"));

            AtomicInteger n = new AtomicInteger();
            int at = stopAt;
            engine.failing(call -> n.incrementAndGet() == at);
            ExecutionReport interrupted = new Executor(engine, 1).execute(up(after, engine), ProgressListener.NONE);
            if (interrupted.succeeded()) {
                calls = stopAt - 1;
                break; // every call of the recreate has been the interrupted one
            }
            engine.failing(call -> false);
            ExecutionReport again = new Executor(engine, 4).execute(up(after, engine), ProgressListener.NONE);
            assertTrue(again.succeeded(), "stopped at call " + stopAt + ": " + again);
            assertConverged(engine, after, volumes, "stopped at call " + stopAt);
            assertTrue(up(after, engine).isEmpty(), "stopped at call " + stopAt + ": a third up has nothing to do");
        }
        assertTrue(calls >= 10, "the recreate of two replicas takes at least 10 calls: " + calls);
    }

    private static void assertConverged(InMemoryEngine engine, Project p, Map<String, String> volumesBefore, String when) {
        List<ObservedContainer> all = engine.containers("demo");
        assertEquals(List.of("demo-db-1", "demo-web-1", "demo-web-2"), all.stream().map(ObservedContainer::name).sorted().toList(), when);
        for (ObservedContainer c : all) {
            assertTrue(c.running(), when + ": " + c.name() + " is " + c.state());
            assertEquals(ConfigHasher.hash(p.service(c.service())), c.configHash(), when + ": " + c.name() + " is current");
            assertFalse(c.name().contains("_"), when + ": no temporary name left");
        }
        for (String web : List.of("demo-web-1", "demo-web-2")) {
            String volume = engine.containers("demo").stream().filter(c -> c.name().equals(web)).findFirst().orElseThrow().volumeMounts().get("/data");
            assertEquals(volumesBefore.get(web), volume, when + ": " + web + " keeps its anonymous volume");
        }
    }

    @Test
    void renewAnonVolumesGivesARecreatedContainerNewOnes() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        Project before = project("[sleep, '1']");
        new Executor(engine, 4).execute(up(before, engine), ProgressListener.NONE);
        String old = engine.containers("demo").stream().filter(c -> c.name().equals("demo-web-1")).findFirst().orElseThrow().volumeMounts().get("/data");
        Project after = project("[sleep, '2']");
        Plan plan = Planner.up(after, StateCollector.collect(engine, after), new UpOptions(Recreate.DIVERGED, true, Orphans.WARN, 10, true, PullPolicy.SERVICE, false));
        assertTrue(new Executor(engine, 4).execute(plan, ProgressListener.NONE).succeeded());
        String now = engine.containers("demo").stream().filter(c -> c.name().equals("demo-web-1")).findFirst().orElseThrow().volumeMounts().get("/data");
        assertFalse(old.equals(now), "a new anonymous volume: " + old + " / " + now);
    }
}
