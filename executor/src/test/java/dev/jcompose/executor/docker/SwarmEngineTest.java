package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.ExecSpec;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.ServiceLogLine;
import dev.jcompose.executor.SwarmEngine;
import dev.jcompose.executor.request.SwarmRequests.ObjectIds;
import dev.jcompose.executor.swarm.SwarmExecutor;
import dev.jcompose.executor.swarm.SwarmReport;
import dev.jcompose.executor.swarm.SwarmStateCollector;
import dev.jcompose.executor.swarm.WaitLimits;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.executor.testing.SingleNodeSwarm;
import dev.jcompose.executor.testing.SwarmSpecs;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.observed.TaskState;
import dev.jcompose.planner.swarm.plan.SwarmAction;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.planner.swarm.plan.SwarmStep;
import dev.jcompose.planner.swarm.spec.Gate;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The docker implementation of the swarm port on the single-node swarm, and the swarm executor's waits on real
 * tasks. Services use {@code endpoint_mode: dnsrr} (this kernel has no IPVS) and a command that ends on SIGTERM, so
 * that removal does not wait out a grace period.
 */
@Tag("engine")
@ExtendWith(SingleNodeSwarm.class)
class SwarmEngineTest {
    private static final ObjectIds NO_OBJECTS = new ObjectIds(new TreeMap<>(), new TreeMap<>());
    private static final WaitLimits LIMITS = new WaitLimits(Duration.ofSeconds(60), Duration.ofSeconds(3), 2, Duration.ofMillis(200), Duration.ofSeconds(3));

    private static SwarmReport run(SwarmEngine swarm, WaitLimits limits, String namespace, SwarmAction... actions) {
        List<SwarmStep> steps = new ArrayList<>();
        for (int i = 0; i < actions.length; i++) steps.add(new SwarmStep(i + 1, actions[i], "test", new TreeSet<>()));
        return new SwarmExecutor(swarm, limits, Clock.systemUTC())
                .execute(new SwarmPlan(steps, List.of()), SwarmStateCollector.collect(swarm, namespace), e -> { });
    }

    private static void converged(SwarmEngine swarm, String namespace, String service) {
        SwarmReport report = run(swarm, LIMITS, namespace, new SwarmAction.WaitFor(service, Gate.Condition.CONVERGED, true));
        assertTrue(report.succeeded(), report.failed().toString());
    }

    private static List<SwarmTask> running(SwarmEngine swarm, String serviceId) {
        return swarm.tasks(serviceId, true).stream().filter(t -> t.state() == TaskState.RUNNING).toList();
    }

    @Test
    void createsUpdatesLeavesAnUnchangedSpecAloneAndRemovesAService(EngineProjects projects) {
        String p = projects.create("swarm");
        try (Engine engine = RealEngine.connect()) {
            SwarmEngine swarm = engine.swarm();
            swarm.createNetwork(SwarmSpecs.overlay(p, "default"));
            ServiceSpec spec = SwarmSpecs.service(p, "web").env("GREETING=hi").build();
            // asked to pin the image's digest, the engine's registry has none for a local image: a warning, and the name as written
            List<String> warnings = swarm.createService(spec, NO_OBJECTS, true);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("image jcompose/busybox:latest could not be accessed on a registry to record its digest"), warnings.get(0));
            converged(swarm, p, p + "_web");
            SwarmService created = swarm.services(p).get(0);
            assertEquals(p + "_web", created.name());
            assertEquals(p, created.labels().get(StackLabels.NAMESPACE));
            assertEquals(new ServiceMode.Replicated(1), created.mode());
            assertEquals("jcompose/busybox:latest", created.image());
            assertTrue(swarm.namespaces().contains(p), "the stack is listed by its services' label: " + swarm.namespaces());
            SwarmTask first = running(swarm, created.id()).get(0);
            assertEquals(p, engine.containers(p).get(0).labels().get(StackLabels.COMPOSE_PROJECT), "task containers carry the project label");

            // the same spec again: a new version, and the task that runs is the same one
            swarm.updateService(created.id(), created.versionIndex(), 0, spec, NO_OBJECTS, false);
            SwarmService same = swarm.service(created.id()).orElseThrow();
            assertTrue(same.versionIndex() > created.versionIndex());
            converged(swarm, p, p + "_web");
            assertEquals(List.of(first.id()), running(swarm, created.id()).stream().map(SwarmTask::id).toList());

            // docker service update --force raises the counter: a new task, and the counter reads back
            swarm.updateService(same.id(), same.versionIndex(), 1, spec, NO_OBJECTS, false);
            converged(swarm, p, p + "_web");
            SwarmService forced = swarm.service(created.id()).orElseThrow();
            assertEquals(1, forced.forceUpdate());
            SwarmTask restarted = running(swarm, created.id()).get(0);
            assertNotEquals(first.id(), restarted.id());
            // an update of the service's labels only, the counter sent back as read: the task that runs stays (sent
            // as 0, the counter's change alone would restart it)
            swarm.updateService(forced.id(), forced.versionIndex(), forced.forceUpdate(), SwarmSpecs.service(p, "web").env("GREETING=hi")
                    .specHash("labels-only").build(), NO_OBJECTS, false);
            converged(swarm, p, p + "_web");
            SwarmService relabelled = swarm.service(created.id()).orElseThrow();
            assertEquals("labels-only", relabelled.labels().get(StackLabels.SPEC_HASH));
            assertEquals(List.of(restarted.id()), running(swarm, created.id()).stream().map(SwarmTask::id).toList());

            // a changed spec: a new task replaces the old, which is shut down
            swarm.updateService(relabelled.id(), relabelled.versionIndex(), relabelled.forceUpdate(), SwarmSpecs.service(p, "web").env("GREETING=hello").specHash("2").build(),
                    NO_OBJECTS, false);
            converged(swarm, p, p + "_web");
            SwarmTask second = running(swarm, created.id()).get(0);
            assertNotEquals(restarted.id(), second.id());
            assertTrue(swarm.tasks(created.id(), false).stream().anyMatch(t -> t.id().equals(restarted.id()) && t.desiredState() == TaskState.SHUTDOWN));
            assertEquals("2", swarm.service(p + "_web").orElseThrow().labels().get(StackLabels.SPEC_HASH));
            assertEquals("hello", exec(engine, second.containerId(), "sh", "-c", "echo $GREETING").strip());

            swarm.removeService(created.id());
            assertTrue(swarm.services(p).isEmpty());
            assertFalse(swarm.namespaces().contains(p), "with no service, no stack: " + swarm.namespaces());
            swarm.removeService(created.id()); // already gone: no error
        }
    }

    @Test
    void anUpdateWithAStaleVersionReadsItAgainAndSucceeds(EngineProjects projects) {
        String p = projects.create("swarm");
        try (Engine engine = RealEngine.connect()) {
            SwarmEngine swarm = engine.swarm();
            swarm.createNetwork(SwarmSpecs.overlay(p, "default"));
            ServiceSpec spec = SwarmSpecs.service(p, "web").mode(new ServiceMode.Replicated(0)).build();
            swarm.createService(spec, NO_OBJECTS, false);
            SwarmService observed = swarm.services(p).get(0);
            // someone else changes the service after it was observed
            swarm.updateService(observed.id(), observed.versionIndex(), 0, SwarmSpecs.service(p, "web").mode(new ServiceMode.Replicated(0))
                    .specHash("theirs").build(), NO_OBJECTS, false);
            swarm.updateService(observed.id(), observed.versionIndex(), 0, SwarmSpecs.service(p, "web").mode(new ServiceMode.Replicated(0))
                    .specHash("ours").build(), NO_OBJECTS, false);
            assertEquals("ours", swarm.service(observed.id()).orElseThrow().labels().get(StackLabels.SPEC_HASH));
            EngineException e = assertThrows(EngineException.class, () -> swarm.updateService("no-such-service-" + p, 1, 0, spec, NO_OBJECTS, false));
            assertTrue(e.getMessage().contains("not found"), e.getMessage());
        }
    }

    @Test
    void configsAndSecretsReachTheTasksAndGoOnceNoServiceUsesThem(EngineProjects projects) throws InterruptedException {
        String p = projects.create("swarm");
        try (Engine engine = RealEngine.connect()) {
            SwarmEngine swarm = engine.swarm();
            swarm.createNetwork(SwarmSpecs.overlay(p, "default"));
            ObjectSpec conf = SwarmSpecs.config(p, "conf", "color=blue\n");
            ObjectSpec pass = SwarmSpecs.secret(p, "pass", "s3cret");
            String confId = swarm.createObject(conf);
            String passId = swarm.createObject(pass);
            assertEquals(List.of(conf.name()), swarm.objects(ObjectSpec.Kind.CONFIG, p).stream().map(o -> o.name()).toList());
            assertEquals(passId, swarm.object(ObjectSpec.Kind.SECRET, pass.name()).orElseThrow().id());
            assertTrue(swarm.object(ObjectSpec.Kind.SECRET, pass.name() + "x").isEmpty());
            assertEquals("overlay", swarm.network(p + "_default").orElseThrow().driver());
            ObjectIds ids = new ObjectIds(new TreeMap<>(Map.of(conf.name(), confId)), new TreeMap<>(Map.of(pass.name(), passId)));
            swarm.createService(SwarmSpecs.service(p, "web").network(p + "_default").config(conf, "/etc/app.conf").secret(pass, "pass").build(), ids, false);
            converged(swarm, p, p + "_web");
            String container = running(swarm, swarm.services(p).get(0).id()).get(0).containerId();
            assertEquals("color=blue\ns3cret", exec(engine, container, "sh", "-c", "cat /etc/app.conf /run/secrets/pass"));

            EngineException inUse = assertThrows(EngineException.class, () -> swarm.removeObject(ObjectSpec.Kind.CONFIG, confId));
            assertTrue(inUse.getMessage().contains("in use"), inUse.getMessage());
            swarm.removeService(p + "_web");
            swarm.removeObject(ObjectSpec.Kind.CONFIG, confId);
            swarm.removeObject(ObjectSpec.Kind.SECRET, passId);
            assertTrue(swarm.objects(ObjectSpec.Kind.CONFIG, p).isEmpty());
            assertTrue(swarm.objects(ObjectSpec.Kind.SECRET, p).isEmpty());
            // the manager lets the network go at once; this engine lists its own copy of it until the task's container is gone
            swarm.removeNetwork(swarm.network(p + "_default").orElseThrow().id());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!swarm.networks(p).isEmpty() && System.nanoTime() < deadline) Thread.sleep(200);
            assertEquals(List.of(), swarm.networks(p));
        }
    }

    @Test
    void serviceLogsComeLineByLineWithTheirTask(EngineProjects projects) throws InterruptedException {
        String p = projects.create("swarm");
        try (Engine engine = RealEngine.connect()) {
            SwarmEngine swarm = engine.swarm();
            swarm.createNetwork(SwarmSpecs.overlay(p, "default"));
            swarm.createService(SwarmSpecs.service(p, "talk").command("sh", "-c",
                    "echo hello; echo oops >&2; trap 'exit 0' TERM; while true; do sleep 1; done").build(), NO_OBJECTS, false);
            converged(swarm, p, p + "_talk");
            SwarmTask task = running(swarm, swarm.services(p).get(0).id()).get(0);
            List<ServiceLogLine> lines = Collections.synchronizedList(new ArrayList<>());
            // the engine hands logs over a moment after the lines were written: ask until both are there
            for (int i = 0; i < 50 && lines.size() < 2; i++) {
                lines.clear();
                try (LogFollower f = swarm.serviceLogs(p + "_talk", new LogOptions(false, null, null, null, false), lines::add)) {
                    f.awaitEnd(5000);
                }
                if (lines.size() < 2) Thread.sleep(200);
            }
            List<String> texts = lines.stream().map(l -> l.line().stream() + " " + l.line().text()).sorted().toList();
            assertEquals(List.of("STDERR oops", "STDOUT hello"), texts);
            assertTrue(lines.stream().allMatch(l -> l.taskId().equals(task.id()) && l.nodeId().equals(task.nodeId())), lines.toString());
        }
    }

    @Test
    void gatesWaitForHealthAndForAJobsCompletions(EngineProjects projects) {
        String p = projects.create("swarm");
        try (Engine engine = RealEngine.connect()) {
            SwarmEngine swarm = engine.swarm();
            swarm.createNetwork(SwarmSpecs.overlay(p, "default"));
            long start = System.nanoTime();
            SwarmReport report = run(swarm, LIMITS, p,
                    new SwarmAction.CreateService(SwarmSpecs.service(p, "db").command("sh", "-c",
                            "trap 'exit 0' TERM; sleep 2; touch /tmp/ready; while true; do sleep 1; done")
                            .healthcheck("test -f /tmp/ready", Duration.ofMillis(500)).build(), false),
                    new SwarmAction.CreateService(SwarmSpecs.service(p, "migrate").mode(new ServiceMode.ReplicatedJob(1, 2))
                            .command("sh", "-c", "sleep 1").build(), false),
                    new SwarmAction.WaitFor(p + "_db", Gate.Condition.HEALTHY, true),
                    new SwarmAction.WaitFor(p + "_migrate", Gate.Condition.COMPLETED, true));
            assertTrue(report.succeeded(), report.failed().toString());
            assertTrue(System.nanoTime() - start > 2_000_000_000L, "the healthy gate waited for the healthcheck");
            SwarmTask db = running(swarm, swarm.service(p + "_db").orElseThrow().id()).get(0);
            assertEquals("healthy", engine.inspect(db.containerId()).health(), "running means healthy for a task with a healthcheck");
            List<SwarmTask> jobs = swarm.tasks(swarm.service(p + "_migrate").orElseThrow().id(), true);
            assertEquals(2, jobs.stream().filter(t -> t.state() == TaskState.COMPLETE && Integer.valueOf(0).equals(t.exitCode())).count(), jobs.toString());
        }
    }

    @Test
    void aMissingImageAndAnUnsatisfiableConstraintFailTheWaitWithTheirReasons(EngineProjects projects) {
        String p = projects.create("swarm");
        try (Engine engine = RealEngine.connect()) {
            SwarmEngine swarm = engine.swarm();
            swarm.createNetwork(SwarmSpecs.overlay(p, "default"));
            WaitLimits limits = LIMITS.withTimeout(Duration.ofSeconds(30));
            long start = System.nanoTime();
            SwarmReport image = run(swarm, limits, p,
                    new SwarmAction.CreateService(SwarmSpecs.service(p, "web").image("127.0.0.1:1/jcompose-nope:latest").build(), false),
                    new SwarmAction.WaitFor(p + "_web", Gate.Condition.CONVERGED, true));
            String why = image.failed().values().stream().findFirst().orElse("(it passed)");
            assertTrue(why.startsWith(p + "_web: tasks keep failing"), why);
            assertTrue(why.contains(": rejected: No such image: 127.0.0.1:1/jcompose-nope:latest"), why);
            SwarmReport constraint = run(swarm, limits, p,
                    new SwarmAction.CreateService(SwarmSpecs.service(p, "gpu").constraint("node.labels.jcompose-gpu==yes").build(), false),
                    new SwarmAction.WaitFor(p + "_gpu", Gate.Condition.HEALTHY, true));
            why = constraint.failed().values().stream().findFirst().orElse("(it passed)");
            assertEquals(p + "_gpu: a task stays pending for more than 3 s: " + p + "_gpu.1 (no node): pending:"
                    + " no suitable node (scheduling constraints not satisfied on 1 node)", why);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 25, "both stopped early, well within their timeout: " + seconds + " s");
        }
    }

    @Test
    void anUpdateTheEnginePausesFailsTheWaitAtOnce(EngineProjects projects) {
        String p = projects.create("swarm");
        try (Engine engine = RealEngine.connect()) {
            SwarmEngine swarm = engine.swarm();
            swarm.createNetwork(SwarmSpecs.overlay(p, "default"));
            swarm.createService(SwarmSpecs.service(p, "web").build(), NO_OBJECTS, false);
            converged(swarm, p, p + "_web");
            SwarmService observed = swarm.service(p + "_web").orElseThrow();
            // the engine's default update_config.failure_action is pause: a new task that fails stops the update
            long start = System.nanoTime();
            SwarmReport report = run(swarm, LIMITS, p,
                    new SwarmAction.UpdateService(observed.id(), observed.versionIndex(), 0,
                            SwarmSpecs.service(p, "web").command("sh", "-c", "sleep 1; exit 3").specHash("2").build(), false),
                    new SwarmAction.WaitFor(p + "_web", Gate.Condition.CONVERGED, true));
            String why = report.failed().values().stream().findFirst().orElse("(it passed)");
            assertTrue(why.startsWith(p + "_web: its update is paused (update paused due to failure or early termination of task "), why);
            assertTrue(why.contains(": failed (exit code 3): task: non-zero exit (3)"), why);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 30, "stopped long before the timeout of 60 s: " + seconds + " s");
        }
    }

    private static String exec(Engine engine, String container, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = engine.exec(container, new ExecSpec(List.of(command), null, null, new TreeMap<>(), false, false, false), null,
                out::writeBytes, out::writeBytes);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
