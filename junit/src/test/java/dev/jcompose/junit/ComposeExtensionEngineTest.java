package dev.jcompose.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jcompose.api.ComposeStack;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension as a test run sees it, each case a fixture class run by JUnit's test kit: two classes of one file in
 * parallel, a stack that fails to come up, a service that dies during a test. The fixtures are nested, so the build
 * does not run them on their own.
 */
@Tag("engine")
class ComposeExtensionEngineTest {
    /** What the parallel fixtures saw, by class: their project name and published port. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    /** Both parallel fixtures count down, then wait for the other: run one after the other, they would time out. */
    static volatile CountDownLatch bothRunning = new CountDownLatch(2);

    @Compose(files = "src/test/resources/stacks/web.yaml")
    static class OnTheClass {
        @Test
        void seesItsStack(ComposeStack stack) throws Exception {
            SEEN.put("class", stack.projectName() + " " + stack.service("web").port(80));
            bothRunning.countDown();
            assertTrue(bothRunning.await(90, TimeUnit.SECONDS), "the other class ran at the same time");
        }
    }

    static class OnAField {
        @Compose(files = "src/test/resources/stacks/web.yaml")
        static ComposeStack stack;

        @Test
        void seesItsStack() throws Exception {
            SEEN.put("field", stack.projectName() + " " + stack.service("web").port(80));
            bothRunning.countDown();
            assertTrue(bothRunning.await(90, TimeUnit.SECONDS), "the other class ran at the same time");
        }
    }

    @Compose(files = "src/test/resources/stacks/broken.yaml", waitTimeoutSeconds = 60)
    static class FailsToStart {
        @Test
        void neverRuns() {
            throw new AssertionError("the stack did not come up: this test must not run");
        }
    }

    @Compose(files = "src/test/resources/stacks/dies.yaml")
    static class DiesDuringATest {
        @Test
        void failsOnceTheWorkerDied(ComposeStack stack) throws Exception {
            SEEN.put("dies", stack.projectName());
            Thread.sleep(5_000);
            assertEquals("the worker's answer", "no answer: it died");
        }
    }

    private static EngineExecutionResults run(boolean parallel, Class<?>... classes) {
        var kit = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) kit.selectors(selectClass(c));
        if (parallel) {
            kit.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2");
        }
        return kit.execute();
    }

    private static List<String> leftovers(String project) {
        try (Engine engine = DockerJavaEngine.connect(System.getenv())) {
            List<String> out = new ArrayList<>();
            engine.containers(project).forEach(c -> out.add("container " + c.name()));
            engine.networks().stream().filter(n -> project.equals(n.project())).forEach(n -> out.add("network " + n.name()));
            engine.volumes(project).forEach(v -> out.add("volume " + v.name()));
            return out;
        }
    }

    private static String failure(EngineExecutionResults results) {
        List<Event> failed = results.allEvents().failed().list();
        assertEquals(1, failed.size(), failed.toString());
        Throwable t = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        return t.getMessage();
    }

    @Test
    void twoClassesOfOneFileRunInParallelEachOnItsOwnStackAndLeaveNothing() {
        SEEN.clear();
        bothRunning = new CountDownLatch(2);
        var results = run(true, OnTheClass.class, OnAField.class);
        // a class whose stack failed to come up fails as a container: its reason is what to read
        List<String> classFailures = results.containerEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("?"))
                .toList();
        assertEquals(List.of(), classFailures);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        String[] a = SEEN.get("class").split(" ");
        String[] b = SEEN.get("field").split(" ");
        assertNotEquals(a[0], b[0], "a project name per stack");
        assertNotEquals(a[1], b[1], "ephemeral host ports: no collision on the file's 8080");
        assertEquals(List.of(), leftovers(a[0]));
        assertEquals(List.of(), leftovers(b[0]));
    }

    @Test
    void aStackThatFailsToComeUpFailsTheClassWithTheServicesLastLogLines() {
        String message = failure(run(false, FailsToStart.class));
        assertTrue(message.contains("did not come up"), message);
        assertTrue(message.contains("fatal: no such table: users"), message);
    }

    @Test
    void aTestThatFailsWhileAServiceIsDeadGetsItsLastLogLinesInTheMessage() {
        SEEN.clear();
        String message = failure(run(false, DiesDuringATest.class));
        assertTrue(message.contains("no answer: it died"), "the test's own failure first: " + message);
        assertTrue(message.contains("exited with code 3"), message);
        assertTrue(message.contains("dying now: out of memory"), message);
        assertNotNull(SEEN.get("dies"));
        assertEquals(List.of(), leftovers(SEEN.get("dies")));
    }
}
