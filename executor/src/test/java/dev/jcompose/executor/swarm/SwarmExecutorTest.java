package dev.jcompose.executor.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.NotSwarmManagerException;
import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.executor.request.SwarmRequests.ObjectIds;
import dev.jcompose.executor.memory.InMemorySwarm;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.executor.testing.SwarmSpecs;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.plan.SwarmAction;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.planner.swarm.plan.SwarmStep;
import dev.jcompose.planner.swarm.spec.Gate;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The swarm executor over the in-memory swarm: each action one call, in order; waits through the tasks. */
class SwarmExecutorTest {
    private static final WaitLimits FAST = new WaitLimits(Duration.ofMillis(600), Duration.ofMillis(100), 2, Duration.ofMillis(10), Duration.ofMillis(100));

    private final InMemoryEngine engine = new InMemoryEngine().withImages(RealEngine.BASE_IMAGE);
    private final InMemorySwarm swarm = engine.swarm();
    private final List<String> events = new ArrayList<>();
    private final SwarmProgressListener listener = e -> events.add(text(e));

    /** The plan's steps, each after the one before it. */
    private static SwarmPlan plan(SwarmAction... actions) {
        List<SwarmStep> steps = new ArrayList<>();
        for (int i = 0; i < actions.length; i++) {
            steps.add(new SwarmStep(i + 1, actions[i], "test", i == 0 ? new TreeSet<>() : new TreeSet<>(Set.of(i))));
        }
        return new SwarmPlan(steps, List.of());
    }

    private SwarmReport run(SwarmPlan plan) {
        return new SwarmExecutor(swarm, FAST, Clock.systemUTC()).execute(plan, SwarmStateCollector.collect(swarm, "demo"), listener);
    }

    private static String text(SwarmProgressEvent e) {
        SwarmAction a = e.step().action();
        if (e instanceof SwarmProgressEvent.Started) return a.resource() + "  " + SwarmProgressEvent.doing(a);
        if (e instanceof SwarmProgressEvent.Completed) return a.resource() + "  " + SwarmProgressEvent.done(a);
        if (e instanceof SwarmProgressEvent.Warned w) return a.resource() + "  Warning: " + w.message();
        if (e instanceof SwarmProgressEvent.Failed f) return a.resource() + "  Error: " + f.message();
        if (e instanceof SwarmProgressEvent.Output o) return a.resource() + "  | " + o.line();
        return a.resource() + "  Skipped";
    }

    @Test
    void createsObjectsThenTheServiceThatNamesThemByIdAndWaitsForIt() {
        ObjectSpec conf = SwarmSpecs.config("demo", "conf", "a=1");
        ObjectSpec pass = SwarmSpecs.secret("demo", "pass", "s3cret");
        ServiceSpec web = SwarmSpecs.service("demo", "web").network("demo_default").config(conf, "/etc/app.conf").secret(pass, "pass").build();
        SwarmReport report = run(plan(new SwarmAction.CreateNetwork(SwarmSpecs.overlay("demo", "default")),
                new SwarmAction.CreateConfig(conf), new SwarmAction.CreateSecret(pass),
                new SwarmAction.CreateService(web, false), new SwarmAction.WaitFor("demo_web", Gate.Condition.HEALTHY, true)));
        assertTrue(report.succeeded(), report.toString());
        assertEquals(List.of(
                "Network demo_default  Creating", "Network demo_default  Created",
                "Config " + conf.name() + "  Creating", "Config " + conf.name() + "  Created",
                "Secret " + pass.name() + "  Creating", "Secret " + pass.name() + "  Created",
                "Service demo_web  Creating", "Service demo_web  Created",
                "Service demo_web  Waiting", "Service demo_web  Healthy"), events);
        assertEquals(List.of("create network demo_default", "create config " + conf.name(), "create secret " + pass.name(),
                "create service demo_web"), swarm.calls());
    }

    @Test
    void aConvergenceOfAServiceThisRunCreatedHoldsForTheMonitorPeriod() {
        long start = System.nanoTime();
        SwarmReport report = run(plan(new SwarmAction.CreateService(SwarmSpecs.service("demo", "web").build(), false),
                new SwarmAction.WaitFor("demo_web", Gate.Condition.CONVERGED, true)));
        assertTrue(report.succeeded(), report.toString());
        assertTrue(System.nanoTime() - start >= 100_000_000L, "verified for FAST's 0.1 s");
        assertTrue(events.contains("Service demo_web  | 1 of 1 tasks running, verifying for 0.1 s that they stay so"), events.toString());
        assertEquals("Service demo_web  Converged", events.get(events.size() - 1));
    }

    @Test
    void anUpdateCarriesTheObservedVersionAndRetriesWhenItWentStale() {
        ServiceSpec web = SwarmSpecs.service("demo", "web").build();
        swarm.createService(web, new ObjectIds(new TreeMap<>(), new TreeMap<>()), false);
        SwarmService observed = swarm.service("demo_web").orElseThrow();
        swarm.outOfSequence(2);
        SwarmReport report = run(plan(new SwarmAction.UpdateService(observed.id(), observed.versionIndex(), 0,
                SwarmSpecs.service("demo", "web").specHash("1").build(), false)));
        assertTrue(report.succeeded(), report.toString());
        List<String> updates = swarm.calls().stream().filter(c -> c.startsWith("update")).toList();
        assertEquals(3, updates.size(), updates.toString());
        assertEquals("update service demo_web at version " + observed.versionIndex(), updates.get(0));
        assertFalse(updates.get(2).endsWith("version " + observed.versionIndex()), "the retry carries the version read again: " + updates);
        assertEquals("1", swarm.service("demo_web").orElseThrow().labels().get("dev.jcompose.swarm.spec-hash"));
    }

    @Test
    void anUpdateSendsTheObservedForceCounterBack() {
        swarm.createService(SwarmSpecs.service("demo", "web").build(), new ObjectIds(new TreeMap<>(), new TreeMap<>()), false);
        SwarmService observed = swarm.service("demo_web").orElseThrow();
        SwarmReport report = run(plan(new SwarmAction.UpdateService(observed.id(), observed.versionIndex(), 3,
                SwarmSpecs.service("demo", "web").specHash("1").build(), false)));
        assertTrue(report.succeeded(), report.toString());
        assertEquals(List.of("update service demo_web at version " + observed.versionIndex() + " with force 3"),
                swarm.calls().stream().filter(c -> c.startsWith("update")).toList());
    }

    @Test
    void aMissingImageFailsTheWaitNamingTheTasksAndSkipsTheRest() {
        ServiceSpec web = SwarmSpecs.service("demo", "web").image("127.0.0.1:1/nope:latest").build();
        ServiceSpec api = SwarmSpecs.service("demo", "api").build();
        SwarmReport report = run(plan(new SwarmAction.CreateService(web, false),
                new SwarmAction.WaitFor("demo_web", Gate.Condition.HEALTHY, true), new SwarmAction.CreateService(api, false)));
        assertFalse(report.succeeded());
        String why = report.failed().values().iterator().next();
        assertEquals("demo_web: tasks keep failing (2): demo_web.1 on node-1: rejected: No such image: 127.0.0.1:1/nope:latest;"
                + " demo_web.1 on node-1: rejected: No such image: 127.0.0.1:1/nope:latest", why);
        assertEquals(1, report.skipped().size());
        assertEquals("Service demo_api  Skipped", events.get(events.size() - 1));
        assertFalse(swarm.calls().contains("create service demo_api"));
    }

    @Test
    void aGateThatIsNotRequiredWarnsAndTheDeployGoesOn() {
        ServiceSpec web = SwarmSpecs.service("demo", "web").image("127.0.0.1:1/nope:latest").build();
        ServiceSpec api = SwarmSpecs.service("demo", "api").build();
        SwarmReport report = run(plan(new SwarmAction.CreateService(web, false),
                new SwarmAction.WaitFor("demo_web", Gate.Condition.STARTED, false), new SwarmAction.CreateService(api, false)));
        assertTrue(report.succeeded(), report.toString());
        assertEquals(1, report.warnings().size());
        assertTrue(events.contains("Service demo_api  Created"), events.toString());
        assertTrue(report.warnings().values().iterator().next().endsWith("(not required: the deploy goes on)"));
    }

    @Test
    void aJobCompletes() {
        ServiceSpec migrate = SwarmSpecs.service("demo", "migrate").mode(new ServiceMode.ReplicatedJob(1, 2)).command("true").build();
        SwarmReport report = run(plan(new SwarmAction.CreateService(migrate, false),
                new SwarmAction.WaitFor("demo_migrate", Gate.Condition.COMPLETED, true)));
        assertTrue(report.succeeded(), report.toString());
        assertEquals("Service demo_migrate  Completed", events.get(events.size() - 1));
    }

    @Test
    void aWaitThatNeverPassesEndsAtTheTimeoutSayingWhereItStood() {
        swarm.stuck("demo_web");
        long start = System.nanoTime();
        SwarmReport report = run(plan(new SwarmAction.CreateService(SwarmSpecs.service("demo", "web").build(), false),
                new SwarmAction.WaitFor("demo_web", Gate.Condition.CONVERGED, true)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(report.succeeded());
        assertEquals("demo_web: not converged within the timeout of 0.6 s (0 of 1 tasks running): demo_web.1 on node-1: preparing: preparing",
                report.failed().values().iterator().next());
        assertTrue(millis >= 600 && millis < 3000, millis + " ms");
        assertTrue(events.contains("Service demo_web  | 0 of 1 tasks running"), events.toString());
    }

    @Test
    void removalsGoByIdAndAConfigAServiceUsesIsRefused() {
        ObjectSpec conf = SwarmSpecs.config("demo", "conf", "a=1");
        String id = swarm.createObject(conf);
        swarm.createService(SwarmSpecs.service("demo", "web").config(conf, "/c").build(),
                new ObjectIds(new TreeMap<>(Map.of(conf.name(), id)), new TreeMap<>()), false);
        SwarmReport refused = run(plan(new SwarmAction.RemoveConfig(id, conf.name())));
        assertEquals("config '" + conf.name() + "' is in use by the following service: demo_web",
                refused.failed().values().iterator().next().replaceFirst("^remove config [^:]+: ", ""));
        String service = swarm.service("demo_web").orElseThrow().id();
        SwarmReport report = run(plan(new SwarmAction.RemoveService(service, "demo_web"), new SwarmAction.RemoveConfig(id, conf.name())));
        assertTrue(report.succeeded(), report.toString());
        assertTrue(swarm.objects(ObjectSpec.Kind.CONFIG, "demo").isEmpty());
    }

    @Test
    void theCollectorSeesTheStackAndTheExternalObjectsItNames() {
        swarm.putNetwork(new SwarmNetwork("ext1", "shared", "overlay", "swarm", new TreeMap<>()));
        swarm.putObject(ObjectSpec.Kind.SECRET, new SwarmObject("sec9", "site_key", new TreeMap<>()));
        swarm.createNetwork(SwarmSpecs.overlay("demo", "default"));
        swarm.createNetwork(SwarmSpecs.overlay("other", "default"));
        swarm.createService(SwarmSpecs.service("demo", "web").build(),
                new ObjectIds(new TreeMap<>(), new TreeMap<>()), false);
        ObservedSwarm observed = SwarmStateCollector.collect(swarm, "demo", Set.of("shared"), Set.of(), Set.of("site_key", "absent"));
        assertEquals(List.of("demo_default", "shared"), observed.networks().stream().map(SwarmNetwork::name).toList());
        assertEquals(List.of("site_key"), observed.secrets().stream().map(SwarmObject::name).toList());
        assertEquals(List.of("demo_web"), observed.services().stream().map(SwarmService::name).toList());
        assertEquals("node-1", observed.tasks().get(0).nodeHostname());
    }

    @Test
    void anEngineThatIsNoManagerIsToldSo() {
        swarm.notManager();
        NotSwarmManagerException e = assertThrows(NotSwarmManagerException.class, () -> SwarmStateCollector.collect(swarm, "demo"));
        assertEquals("this engine is not a swarm manager: docker swarm init, or point DOCKER_HOST at a manager (its swarm state: inactive)",
                e.getMessage());
    }
}
