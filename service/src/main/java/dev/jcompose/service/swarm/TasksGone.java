package dev.jcompose.service.swarm;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.service.Events;
import dev.jcompose.service.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code down --wait}: once the services are removed, the engine stops their task containers (each with its stop
 * grace period) and removes them; this waits until none of the stack's is left on this engine. The engine answers
 * no task of a removed service, so the containers (labelled with the namespace) are what is looked at.
 */
final class TasksGone {
    private static final Duration POLL = Duration.ofMillis(250);

    private final Engine engine;
    private final Clock clock;

    TasksGone(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** @param timeoutSeconds 0 for no limit */
    Outcome await(String namespace, int timeoutSeconds, Events events) {
        Instant deadline = timeoutSeconds > 0 ? clock.instant().plusSeconds(timeoutSeconds) : Instant.MAX;
        while (true) {
            List<String> left = left(namespace);
            if (left.isEmpty()) return Outcome.OK;
            if (!clock.instant().isBefore(deadline)) {
                return new Outcome(Outcome.Status.FAILED, List.of("down --wait: after " + timeoutSeconds + "s the task containers "
                        + String.join(", ", left) + " are still there"), List.of(), 0);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Outcome.Status.INTERRUPTED, List.of(), List.of("wait for the task containers to go"), 0);
            }
        }
    }

    private List<String> left(String namespace) {
        return engine.containers(namespace).stream()
                .filter(c -> namespace.equals(c.labels().get(StackLabels.NAMESPACE)) || c.labels().containsKey(SWARM_TASK))
                .map(ObservedContainer::name).sorted().toList();
    }

    /** The label the engine puts on a task's container. */
    static final String SWARM_TASK = "com.docker.swarm.task.id";
}
