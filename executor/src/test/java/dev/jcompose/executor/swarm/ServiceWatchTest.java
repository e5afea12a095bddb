package dev.jcompose.executor.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.swarm.observed.SwarmNode;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.observed.TaskState;
import dev.jcompose.planner.swarm.spec.Gate;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service's tasks -> passed / waiting / failed, table-driven. Each case is a series of looks ({@code at} seconds:
 * tasks, one a line: {@code slot node desired state [exit] [err]}, {@code -} for none) and the verdict of the last.
 */
class ServiceWatchTest {
    private static final List<SwarmNode> NODES = List.of(
            new SwarmNode("n1", "node-1", SwarmNode.Role.MANAGER, SwarmNode.Availability.ACTIVE, SwarmNode.State.READY),
            new SwarmNode("n2", "node-2", SwarmNode.Role.WORKER, SwarmNode.Availability.ACTIVE, SwarmNode.State.READY),
            new SwarmNode("n3", "node-3", SwarmNode.Role.WORKER, SwarmNode.Availability.ACTIVE, SwarmNode.State.DOWN));

    record Look(int at, String tasks) {}

    record Case(String name, Gate.Condition condition, boolean changedNow, ServiceMode mode, String updateState,
                List<Look> looks, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, Gate.Condition condition, boolean changedNow, ServiceMode mode, String updateState, String expected, Look... looks) {
        return new Case(name, condition, changedNow, mode, updateState, List.of(looks), expected);
    }

    static Look at(int seconds, String tasks) {
        return new Look(seconds, tasks);
    }

    static final ServiceMode ONE = new ServiceMode.Replicated(1);
    static final ServiceMode TWO = new ServiceMode.Replicated(2);
    static final ServiceMode GLOBAL = new ServiceMode.Global();
    static final Gate.Condition STARTED = Gate.Condition.STARTED;
    static final Gate.Condition HEALTHY = Gate.Condition.HEALTHY;
    static final Gate.Condition COMPLETED = Gate.Condition.COMPLETED;
    static final Gate.Condition CONVERGED = Gate.Condition.CONVERGED;

    static Stream<Case> cases() {
        return Stream.of(
                c("two replicas running", HEALTHY, true, TWO, null, "passed: 2 of 2 tasks running",
                        at(0, "1 n1 running running\n2 n2 running running")),
                c("one still starting (its healthcheck has not passed)", HEALTHY, true, TWO, null, "waiting: 1 of 2 tasks running",
                        at(0, "1 n1 running running\n2 n2 running starting")),
                c("started takes a starting task", STARTED, true, TWO, null, "passed: 2 of 2 tasks started",
                        at(0, "1 n1 running running\n2 n2 running starting")),
                c("a task being replaced does not count, its successor does", HEALTHY, true, ONE, null, "passed: 1 of 1 tasks running",
                        at(0, "1 n1 shutdown running\n1 n1 running running")),
                c("converged, and verified for the monitor period", CONVERGED, true, ONE, null, "passed: 1 of 1 tasks running for 5 s",
                        at(0, "1 n1 running running"), at(3, "1 n1 running running"), at(5, "1 n1 running running")),
                c("converged, still verifying", CONVERGED, true, ONE, null, "waiting: 1 of 1 tasks running, verifying for 5 s that they stay so",
                        at(0, "1 n1 running running"), at(4, "1 n1 running running")),
                c("a task that failed while verifying starts the period again", CONVERGED, true, ONE, null,
                        "waiting: 1 of 1 tasks running, verifying for 5 s that they stay so",
                        at(0, "1 n1 running running"), at(3, "1 n1 shutdown failed 3 task: non-zero exit (3)\n1 n1 running starting"),
                        at(4, "1 n1 shutdown failed 3 task: non-zero exit (3)\n1 n1 running running"),
                        at(7, "1 n1 shutdown failed 3 task: non-zero exit (3)\n1 n1 running running")),
                c("the engine says the update completed (after its own monitor period)", CONVERGED, true, ONE, "completed",
                        "passed: 1 of 1 tasks running", at(0, "1 n1 running running")),
                c("an unchanged service needs no verifying", CONVERGED, false, ONE, null, "passed: 1 of 1 tasks running",
                        at(0, "1 n1 running running")),
                c("the successor still preparing", CONVERGED, true, ONE, null, "waiting: 0 of 1 tasks running",
                        at(0, "1 n1 shutdown running\n1 n1 running preparing")),
                c("a task on a node that is down does not count", CONVERGED, true, ONE, null, "waiting: 0 of 1 tasks running",
                        at(0, "1 n3 running running")),
                c("no such image, twice", CONVERGED, true, ONE, null,
                        "failed: demo_web: tasks keep failing (2): demo_web.1 on node-1: rejected: No such image: 127.0.0.1:1/nope:latest;"
                                + " demo_web.1 on node-1: rejected: No such image: 127.0.0.1:1/nope:latest",
                        at(0, "1 n1 shutdown rejected - No such image: 127.0.0.1:1/nope:latest\n"
                                + "1 n1 shutdown rejected - No such image: 127.0.0.1:1/nope:latest\n1 n1 running preparing")),
                c("one rejection may be one the engine restarts fine", CONVERGED, true, ONE, null, "waiting: 0 of 1 tasks running",
                        at(0, "1 n1 shutdown rejected - No such image: x\n1 n1 running preparing")),
                c("pending past the grace: no suitable node", CONVERGED, true, ONE, null,
                        "failed: demo_web: a task stays pending for more than 5 s: demo_web.1 (no node): pending:"
                                + " no suitable node (scheduling constraints not satisfied on 2 nodes)",
                        at(0, "1 - running pending - no suitable node (scheduling constraints not satisfied on 2 nodes)"),
                        at(6, "1 - running pending - no suitable node (scheduling constraints not satisfied on 2 nodes)")),
                c("pending within the grace", CONVERGED, true, ONE, null, "waiting: 0 of 1 tasks running",
                        at(0, "1 - running pending"), at(4, "1 - running pending")),
                c("a paused update of this deploy", CONVERGED, true, ONE, "paused",
                        "failed: demo_web: its update is paused (update paused due to failure or early termination of task x)",
                        at(0, "1 n1 running running")),
                c("a paused update of an earlier deploy is not this wait's", CONVERGED, false, ONE, "paused",
                        "passed: 1 of 1 tasks running", at(0, "1 n1 running running")),
                c("a rolled-back update names the failed task", CONVERGED, true, ONE, "rollback_completed",
                        "failed: demo_web: its update failed and was rolled back (update paused due to failure or early termination of task x):"
                                + " demo_web.1 on node-1: failed (exit code 3): task: non-zero exit (3)",
                        at(0, "1 n1 shutdown failed 3 task: non-zero exit (3)\n1 n1 running running")),
                c("failures before an unchanged service's wait are old news", HEALTHY, false, ONE, null, "waiting: 0 of 1 tasks running",
                        at(0, "1 n1 shutdown failed 1 task: non-zero exit (1)\n1 n1 shutdown failed 1 task: non-zero exit (1)\n1 n1 running starting")),
                c("failures of a service this deploy changed count at once", HEALTHY, true, ONE, null,
                        "failed: demo_web: tasks keep failing (2): demo_web.1 on node-1: failed (exit code 1): task: non-zero exit (1);"
                                + " demo_web.1 on node-1: failed (exit code 1): task: non-zero exit (1)",
                        at(0, "1 n1 shutdown failed 1 task: non-zero exit (1)\n1 n1 shutdown failed 1 task: non-zero exit (1)\n1 n1 running starting")),
                c("a job: two of three completions", COMPLETED, true, new ServiceMode.ReplicatedJob(1, 3), null, "waiting: 2 of 3 completions",
                        at(0, "1 n1 complete complete 0\n2 n1 complete complete 0\n3 n1 complete running")),
                c("a job: all completions", COMPLETED, true, new ServiceMode.ReplicatedJob(1, 3), null, "passed: 3 of 3 completions",
                        at(0, "1 n1 complete complete 0\n2 n1 complete complete 0\n3 n1 complete complete 0")),
                c("a job that keeps failing", COMPLETED, true, new ServiceMode.ReplicatedJob(1, 1), null,
                        "failed: demo_web: tasks keep failing (2): demo_web.1 on node-1: failed (exit code 2): task: non-zero exit (2);"
                                + " demo_web.1 on node-1: failed (exit code 2): task: non-zero exit (2)",
                        at(0, "1 n1 complete failed 2 task: non-zero exit (2)\n1 n1 complete failed 2 task: non-zero exit (2)\n1 n1 complete ready")),
                c("a job that failed once and is not restarted", COMPLETED, true, new ServiceMode.ReplicatedJob(1, 1), null,
                        "failed: demo_web: no task is left to run after demo_web.1 on node-1: failed (exit code 2): task: non-zero exit (2)",
                        at(0, "1 n1 complete failed 2 task: non-zero exit (2)"), at(6, "1 n1 complete failed 2 task: non-zero exit (2)")),
                c("a job counts as started once a task ran", STARTED, true, new ServiceMode.ReplicatedJob(1, 1), null, "passed: a task started",
                        at(0, "1 n1 complete complete 0")),
                c("global: one task per node that is up", CONVERGED, false, GLOBAL, null, "passed: 2 of 2 tasks running",
                        at(0, "- n1 running running\n- n2 running running\n- n3 running starting")),
                c("global: one node still preparing", CONVERGED, true, GLOBAL, null, "waiting: 1 of 2 tasks running",
                        at(0, "- n1 running running\n- n2 running preparing")),
                c("global with no eligible node", CONVERGED, true, GLOBAL, null,
                        "failed: demo_web: no node is eligible for its tasks (placement constraints, or every node drained or paused)",
                        at(0, ""), at(6, "")),
                c("global job: complete on each node", COMPLETED, true, new ServiceMode.GlobalJob(), null, "passed: 2 of 2 tasks complete",
                        at(0, "- n1 complete complete 0\n- n2 complete complete 0")),
                c("no replicas wanted", CONVERGED, false, new ServiceMode.Replicated(0), null, "passed: 0 of 0 tasks running", at(0, "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesTheTasks(Case c) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        ServiceWatch watch = new ServiceWatch(c.condition(), c.changedNow(), WaitLimits.DEFAULT, start);
        SwarmService service = new SwarmService("s1", "demo_web", 10, new TreeMap<>(), "jcompose/busybox:latest", c.mode(),
                c.updateState() == null ? null : new SwarmService.UpdateStatus(c.updateState(),
                        "update paused due to failure or early termination of task x"));
        Verdict verdict = null;
        for (Look look : c.looks()) verdict = watch.look(service, tasks(look.tasks()), NODES, start.plusSeconds(look.at()));
        assertEquals(c.expected(), text(verdict));
    }

    static String text(Verdict v) {
        if (v instanceof Verdict.Passed p) return "passed: " + p.summary();
        if (v instanceof Verdict.Waiting w) return "waiting: " + w.status();
        return "failed: " + ((Verdict.Failed) v).reason();
    }

    /** {@code slot node desired state [exit] [err...]} per line; {@code -} for none. */
    static List<SwarmTask> tasks(String text) {
        List<SwarmTask> out = new ArrayList<>();
        int n = 0;
        for (String line : text.lines().toList()) {
            if (line.isBlank()) continue;
            String[] f = line.split(" ", 6);
            Integer exit = f.length > 4 && !f[4].equals("-") ? Integer.valueOf(f[4]) : null;
            String err = f.length > 5 ? f[5] : "";
            out.add(new SwarmTask("t" + (++n), "s1", f[0].equals("-") ? null : Integer.valueOf(f[0]), f[1].equals("-") ? null : f[1],
                    null, TaskState.of(f[2]), TaskState.of(f[3]), "", err, exit == null ? null : "c" + n, exit));
        }
        return out;
    }
}
