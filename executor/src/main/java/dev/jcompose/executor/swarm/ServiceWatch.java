package dev.jcompose.executor.swarm;

import dev.jcompose.planner.swarm.observed.SwarmNode;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.observed.TaskState;
import dev.jcompose.planner.swarm.spec.Gate;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One wait on one service, judged from its tasks: pure, its clock given at each look. The engine reports a task
 * {@code running} only once its container is healthy when it has a healthcheck (until then {@code starting}; an
 * unhealthy one is shut down and the task fails), so the tasks' states say all a wait needs, as docker cli's
 * {@code service/progress} reads them:
 * <ul>
 * <li>{@code started}: each wanted replica (a replicated service) or each node with a task (global) has a task
 *     that is {@code starting} or {@code running}; a job has a task that started or completed;</li>
 * <li>{@code healthy} and {@code converged}: those tasks are {@code running} (healthy, where there is a
 *     healthcheck); a job's completions are done;</li>
 * <li>{@code completed}: a replicated job has its total of completions, a global job one on each node with a task.</li>
 * </ul>
 * A convergence wait on a service this deploy created or updated passes only once its tasks have stayed so for the
 * monitor period (or the engine says the update completed, which it says after its own monitor period), as docker
 * cli's progress verifies it: a task that starts and fails at once would otherwise pass.
 * The tasks looked at are those of the service's current spec (docker cli's {@code _up-to-date}), on nodes that
 * are not down. A wait fails before its timeout when the update this deploy made is paused or rolled back, when
 * {@link WaitLimits#failures()} tasks failed or were rejected, when a task stays {@code pending} past
 * {@link WaitLimits#pendingGrace()} (no node for it: the scheduler's reason), or when no task is left alive after a
 * failure or none was ever made for a global service past that grace. The reason names each task's state and
 * message per node.
 */
public final class ServiceWatch {
    private final Gate.Condition condition;
    private final boolean changedNow;
    private final WaitLimits limits;
    private final Instant started;
    private final Map<String, Instant> pendingSince = new HashMap<>();
    /** Tasks that had ended before the watch began, when this deploy did not change the service: old news. */
    private Set<String> history;
    private Instant idleSince;
    private Instant convergedSince;
    private final Duration monitor;

    /**
     * @param changedNow whether this deploy created or updated the service: only then is its update status this
     *                   deploy's, and every failed task of its current spec news
     * @param started    when the wait began
     * @param monitor    how long a convergence must hold (the service's {@code update_config.monitor}, else
     *                   {@link WaitLimits#monitor()})
     */
    public ServiceWatch(Gate.Condition condition, boolean changedNow, WaitLimits limits, Instant started, Duration monitor) {
        this.condition = condition;
        this.changedNow = changedNow;
        this.limits = limits;
        this.started = started;
        this.monitor = monitor;
    }

    public ServiceWatch(Gate.Condition condition, boolean changedNow, WaitLimits limits, Instant started) {
        this(condition, changedNow, limits, started, limits.monitor());
    }

    /**
     * @param tasks the service's tasks of its current spec
     * @param nodes the swarm's nodes (tasks on nodes that are down do not count)
     */
    public Verdict look(SwarmService service, List<SwarmTask> tasks, List<SwarmNode> nodes, Instant now) {
        Set<String> down = new HashSet<>();
        for (SwarmNode n : nodes) if (n.state() == SwarmNode.State.DOWN) down.add(n.id());
        Map<String, String> hostnames = new HashMap<>();
        for (SwarmNode n : nodes) hostnames.put(n.id(), n.hostname());
        List<SwarmTask> counted = tasks.stream().filter(t -> t.nodeId() == null || !down.contains(t.nodeId())).toList();
        if (history == null) {
            history = new HashSet<>();
            if (!changedNow) for (SwarmTask t : counted) if (t.state().terminal()) history.add(t.id());
        }
        String name = service.name();

        if (changedNow && service.updateStatus() != null) {
            String message = service.updateStatus().message();
            String why = switch (service.updateStatus().state()) {
                case "paused" -> "its update is paused";
                case "rollback_paused" -> "its update failed and the rollback is paused";
                case "rollback_started" -> "its update failed and is being rolled back";
                case "rollback_completed" -> "its update failed and was rolled back";
                default -> null;
            };
            if (why != null) {
                return new Verdict.Failed(name + ": " + why + (message.isEmpty() ? "" : " (" + message + ")") + tasksSuffix(name, counted, hostnames));
            }
        }

        Progress progress = progress(service.mode(), counted);
        boolean verify = condition == Gate.Condition.CONVERGED && changedNow && !service.mode().isJob() && !monitor.isZero();
        if (progress.passed() && !verify) return new Verdict.Passed(progress.summary());
        if (progress.passed()) {
            // the engine says "completed" once its own monitor period after the last task has passed
            if (service.updateStatus() != null && service.updateStatus().state().equals("completed")) {
                return new Verdict.Passed(progress.summary());
            }
            if (convergedSince == null) convergedSince = now;
            if (Duration.between(convergedSince, now).compareTo(monitor) >= 0) {
                return new Verdict.Passed(progress.summary() + " for " + seconds(monitor));
            }
            return new Verdict.Waiting(progress.summary() + ", verifying for " + seconds(monitor) + " that they stay so",
                    describe(name, counted.stream().filter(t -> !history.contains(t.id())).toList(), hostnames));
        }
        convergedSince = null;

        List<SwarmTask> failed = counted.stream()
                .filter(t -> (t.state() == TaskState.FAILED || t.state() == TaskState.REJECTED) && !history.contains(t.id())).toList();
        if (failed.size() >= limits.failures()) {
            return new Verdict.Failed(name + ": tasks keep failing (" + failed.size() + "): " + describe(name, failed, hostnames));
        }

        List<SwarmTask> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SwarmTask t : counted) {
            if (t.state() != TaskState.PENDING || !wanted(t)) continue;
            seen.add(t.id());
            Instant since = pendingSince.computeIfAbsent(t.id(), k -> now);
            if (Duration.between(since, now).compareTo(limits.pendingGrace()) > 0) pending.add(t);
        }
        pendingSince.keySet().retainAll(seen);
        if (!pending.isEmpty()) {
            return new Verdict.Failed(name + ": " + (pending.size() == 1 ? "a task stays" : pending.size() + " tasks stay")
                    + " pending for more than " + seconds(limits.pendingGrace()) + ": " + describe(name, pending, hostnames));
        }

        boolean alive = counted.stream().anyMatch(t -> wanted(t) && !t.state().terminal());
        boolean global = service.mode() instanceof ServiceMode.Global || service.mode() instanceof ServiceMode.GlobalJob;
        boolean stranded = !alive && (!failed.isEmpty() || (global && counted.isEmpty()));
        if (!stranded) {
            idleSince = null;
        } else {
            if (idleSince == null) idleSince = now;
            if (Duration.between(idleSince, now).compareTo(limits.pendingGrace()) > 0) {
                return new Verdict.Failed(counted.isEmpty()
                        ? name + ": no node is eligible for its tasks (placement constraints, or every node drained or paused)"
                        : name + ": no task is left to run after " + describe(name, failed, hostnames));
            }
        }
        return new Verdict.Waiting(progress.summary(), describe(name, counted.stream().filter(t -> !history.contains(t.id())).toList(), hostnames));
    }

    /** When the wait began, for its timeout. */
    public Instant started() {
        return started;
    }

    /** How far the tasks are towards the condition. */
    private record Progress(boolean passed, String summary) {}

    private Progress progress(ServiceMode mode, List<SwarmTask> tasks) {
        long complete = tasks.stream().filter(t -> t.state() == TaskState.COMPLETE).count();
        if (mode instanceof ServiceMode.ReplicatedJob job) {
            if (condition == Gate.Condition.STARTED || condition == Gate.Condition.HEALTHY) {
                boolean any = tasks.stream().anyMatch(t -> t.state() == TaskState.STARTING || t.state() == TaskState.RUNNING
                        || t.state() == TaskState.COMPLETE);
                return new Progress(any, any ? "a task started" : "no task started yet");
            }
            return new Progress(complete >= job.totalCompletions(), complete + " of " + job.totalCompletions() + " completions");
        }
        boolean global = mode instanceof ServiceMode.Global || mode instanceof ServiceMode.GlobalJob;
        // one task per slot (replicated) or per node (global): the one meant to run, the furthest along of those
        Map<String, SwarmTask> current = new TreeMap<>();
        for (SwarmTask t : tasks) {
            String key = global ? String.valueOf(t.nodeId()) : t.slot() == null ? t.id() : String.valueOf(t.slot());
            current.merge(key, t, ServiceWatch::preferred);
        }
        Collection<SwarmTask> live = current.values().stream().filter(ServiceWatch::wanted).toList();
        long wanted = mode instanceof ServiceMode.Replicated r ? r.replicas() : live.stream().filter(t -> t.nodeId() != null).count();
        if (mode instanceof ServiceMode.GlobalJob || condition == Gate.Condition.COMPLETED) {
            long done = live.stream().filter(t -> t.state() == TaskState.COMPLETE).count();
            return new Progress(wanted > 0 && done >= wanted, done + " of " + wanted + " tasks complete");
        }
        boolean startedEnough = condition == Gate.Condition.STARTED;
        long reached = live.stream().filter(t -> t.state() == TaskState.RUNNING
                || (startedEnough && t.state() == TaskState.STARTING)).count();
        boolean passed = (global ? wanted > 0 : true) && reached >= wanted;
        return new Progress(passed, reached + " of " + wanted + " tasks " + (startedEnough ? "started" : "running"));
    }

    /** Whether the engine means the task to run or to complete (not to shut down or go). */
    private static boolean wanted(SwarmTask t) {
        return t.desiredState().ordinal() <= TaskState.COMPLETE.ordinal();
    }

    /** Of two tasks for one slot or node: the one meant to run, then the one further along (docker cli's choice). */
    private static SwarmTask preferred(SwarmTask a, SwarmTask b) {
        int desired = Integer.compare(a.desiredState().ordinal(), b.desiredState().ordinal());
        if (desired != 0) return desired < 0 ? a : b;
        return b.state().ordinal() > a.state().ordinal() && !b.state().terminal() ? b : a;
    }

    private static String tasksSuffix(String name, List<SwarmTask> tasks, Map<String, String> hostnames) {
        List<SwarmTask> ended = tasks.stream().filter(t -> t.state() == TaskState.FAILED || t.state() == TaskState.REJECTED).toList();
        return ended.isEmpty() ? "" : ": " + describe(name, ended, hostnames);
    }

    /** {@code demo_web.1 on node-a: rejected: No such image: x; ...}: each task's state and reason, by node. */
    static String describe(String service, List<SwarmTask> tasks, Map<String, String> hostnames) {
        if (tasks.isEmpty()) return "no tasks";
        return tasks.stream().map(t -> {
            String node = t.nodeHostname() != null ? t.nodeHostname()
                    : t.nodeId() == null ? null : hostnames.getOrDefault(t.nodeId(), t.nodeId());
            String reason = !t.err().isEmpty() ? t.err() : t.message();
            String exit = t.exitCode() != null && t.exitCode() != 0 ? " (exit code " + t.exitCode() + ")" : "";
            return service + "." + (t.slot() != null ? String.valueOf(t.slot()) : shortId(t.nodeId() != null ? t.nodeId() : t.id()))
                    + (node == null ? " (no node)" : " on " + node) + ": " + t.state().key() + exit
                    + (reason.isEmpty() ? "" : ": " + reason);
        }).collect(Collectors.joining("; "));
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The condition as a wait's failure names it: {@code healthy}. */
    static String conditionWord(Gate.Condition condition) {
        return switch (condition) {
            case STARTED -> "started";
            case HEALTHY -> "healthy";
            case COMPLETED -> "completed";
            case CONVERGED -> "converged";
        };
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
