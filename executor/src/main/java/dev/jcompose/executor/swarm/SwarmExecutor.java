package dev.jcompose.executor.swarm;

import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.SwarmEngine;
import dev.jcompose.executor.request.SwarmRequests.ObjectIds;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.plan.SwarmAction;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.planner.swarm.plan.SwarmStep;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a swarm plan step by step in the plan's order, each action one engine call, a wait a loop of looks at the
 * service's tasks judged by a {@link ServiceWatch}; it decides nothing. The first failure stops the run (a gate that
 * was not required warns instead); the steps after it are skipped. Events reach the listener from the calling thread.
 *
 * <p>A {@code --wait-timeout} ({@link WaitLimits#timeout()}) counts from the start of the run, for all its waits.
 */
public final class SwarmExecutor {
    private final SwarmEngine swarm;
    private final WaitLimits limits;
    private final Clock clock;

    public SwarmExecutor(SwarmEngine swarm, WaitLimits limits, Clock clock) {
        this.swarm = swarm;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param observed what the plan was made from: the ids of the configs and secrets that exist already (the
     *                 stack's and external ones), which service requests name
     */
    public SwarmReport execute(SwarmPlan plan, ObservedSwarm observed, SwarmProgressListener listener) {
        Run run = new Run(observed, clock.instant());
        List<SwarmStep> completed = new ArrayList<>();
        Map<SwarmStep, String> failed = new LinkedHashMap<>();
        Map<SwarmStep, String> warnings = new LinkedHashMap<>();
        List<SwarmStep> skipped = new ArrayList<>();
        Set<Integer> done = new HashSet<>();
        boolean interrupted = false;
        for (SwarmStep step : plan.steps()) {
            if (!failed.isEmpty() || interrupted) {
                skipped.add(step);
                listener.on(new SwarmProgressEvent.Skipped(step));
                continue;
            }
            if (!done.containsAll(step.after())) {
                throw new IllegalArgumentException("step #" + step.id() + " comes after a step the plan puts later: " + step.after());
            }
            listener.on(new SwarmProgressEvent.Started(step));
            try {
                List<String> said = run.apply(step, line -> listener.on(new SwarmProgressEvent.Output(step, line)));
                done.add(step.id());
                completed.add(step);
                if (said.isEmpty()) {
                    listener.on(new SwarmProgressEvent.Completed(step));
                } else {
                    String message = String.join("\n", said);
                    warnings.put(step, message);
                    listener.on(new SwarmProgressEvent.Warned(step, message));
                }
            } catch (Interrupted e) {
                interrupted = true;
                Thread.currentThread().interrupt();
                skipped.add(step);
                listener.on(new SwarmProgressEvent.Skipped(step));
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                failed.put(step, message);
                listener.on(new SwarmProgressEvent.Failed(step, message));
            }
        }
        return new SwarmReport(completed, failed, skipped, warnings, interrupted);
    }

    /** The run's state: the object ids known so far, the services it changed, when it began. */
    private final class Run {
        private final TreeMap<String, String> configIds = new TreeMap<>();
        private final TreeMap<String, String> secretIds = new TreeMap<>();
        private final Set<String> changed = new HashSet<>();
        /** The monitor period of each service this run created or updated, as its spec says (null: the default). */
        private final Map<String, Duration> monitors = new TreeMap<>();
        private final Instant began;

        Run(ObservedSwarm observed, Instant began) {
            for (SwarmObject o : observed.configs()) configIds.put(o.name(), o.id());
            for (SwarmObject o : observed.secrets()) secretIds.put(o.name(), o.id());
            this.began = began;
        }

        /** Runs one step; returns its warnings. */
        List<String> apply(SwarmStep step, Consumer<String> output) {
            SwarmAction action = step.action();
            if (action instanceof SwarmAction.CreateNetwork a) {
                swarm.createNetwork(a.spec());
            } else if (action instanceof SwarmAction.RemoveNetwork a) {
                swarm.removeNetwork(a.id());
            } else if (action instanceof SwarmAction.CreateConfig a) {
                configIds.put(a.spec().name(), swarm.createObject(a.spec()));
            } else if (action instanceof SwarmAction.RemoveConfig a) {
                swarm.removeObject(ObjectSpec.Kind.CONFIG, a.id());
            } else if (action instanceof SwarmAction.CreateSecret a) {
                secretIds.put(a.spec().name(), swarm.createObject(a.spec()));
            } else if (action instanceof SwarmAction.RemoveSecret a) {
                swarm.removeObject(ObjectSpec.Kind.SECRET, a.id());
            } else if (action instanceof SwarmAction.CreateService a) {
                changed(a.spec());
                return swarm.createService(a.spec(), ids(), a.queryRegistry());
            } else if (action instanceof SwarmAction.UpdateService a) {
                changed(a.spec());
                return swarm.updateService(a.id(), a.versionIndex(), a.forceUpdate(), a.spec(), ids(), a.queryRegistry());
            } else if (action instanceof SwarmAction.RemoveService a) {
                swarm.removeService(a.id());
            } else if (action instanceof SwarmAction.WaitFor a) {
                return waitFor(a, output);
            }
            return List.of();
        }

        private void changed(ServiceSpec spec) {
            changed.add(spec.name());
            Duration monitor = spec.updateConfig() == null ? null : spec.updateConfig().monitor();
            monitors.put(spec.name(), monitor == null ? limits.monitor() : monitor);
        }

        private ObjectIds ids() {
            return new ObjectIds(configIds, secretIds);
        }

        /** Looks at the service's tasks until the watch says passed or failed, or the run's timeout has passed. */
        private List<String> waitFor(SwarmAction.WaitFor wait, Consumer<String> output) {
            ServiceWatch watch = new ServiceWatch(wait.condition(), changed.contains(wait.service()), limits, clock.instant(),
                    monitors.getOrDefault(wait.service(), limits.monitor()));
            String lastStatus = null;
            while (true) {
                SwarmService service = swarm.service(wait.service())
                        .orElseThrow(() -> new EngineException("no service " + wait.service() + " to wait for"));
                Instant now = clock.instant();
                Verdict verdict = watch.look(service, swarm.tasks(service.id(), true), swarm.nodes(), now);
                if (verdict instanceof Verdict.Passed) return List.of();
                if (verdict instanceof Verdict.Failed f) return failedGate(wait, f.reason());
                Verdict.Waiting w = (Verdict.Waiting) verdict;
                if (limits.timeout() != null && Duration.between(began, now).compareTo(limits.timeout()) >= 0) {
                    return failedGate(wait, wait.service() + ": not " + ServiceWatch.conditionWord(wait.condition()) + " within the timeout of "
                            + ServiceWatch.seconds(limits.timeout()) + " (" + w.status() + "): " + w.tasks());
                }
                if (!w.status().equals(lastStatus)) {
                    output.accept(w.status());
                    lastStatus = w.status();
                }
                pause();
            }
        }

        /** A required gate that failed fails the step; one that was not required warns and the run goes on. */
        private List<String> failedGate(SwarmAction.WaitFor wait, String reason) {
            if (wait.required()) throw new EngineException(reason);
            return List.of(reason + " (not required: the deploy goes on)");
        }

        private void pause() {
            try {
                Thread.sleep(limits.poll().toMillis());
            } catch (InterruptedException e) {
                throw new Interrupted();
            }
        }
    }

    /** An interrupt during a wait: the run stops, the step counts as not run. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }
}
