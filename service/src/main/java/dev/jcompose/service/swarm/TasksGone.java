package dev.jcompose.service.swarm;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.service.Events;
import dev.jcompose.service.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code down --wait}: once the services are removed, the engine stops their task containers (each with its stop
 * grace period) and removes them; this waits until none of the stack's runs on this engine any more. The engine
 * answers no task of a removed service, so the containers (labelled with the namespace) are what is looked at. The
 * container of a job's completed task is left behind by the engine (20.10) when its service goes: once nothing of
 * the stack runs, those leftovers, whose tasks no longer exist, are removed, so that nothing labelled remains; then it
 * waits for this engine's copies of the stack's networks to go too.
 */
final class TasksGone {
    private static final Duration POLL = Duration.ofMillis(250);
    /** How long, once the tasks are gone, this engine's copies of the networks are waited for. */
    private static final Duration NETWORKS_GO = Duration.ofSeconds(30);

    private final Engine engine;
    private final Clock clock;

    TasksGone(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** @param timeoutSeconds 0 for no limit */
    Outcome await(String namespace, int timeoutSeconds, Events events) {
        Instant deadline = timeoutSeconds > 0 ? clock.instant().plusSeconds(timeoutSeconds) : Instant.MAX;
        Instant networksBy = null;
        while (true) {
            List<ObservedContainer> left = left(namespace);
            boolean running = left.stream().anyMatch(ObservedContainer::running);
            if (!running) {
                Outcome removed = removeLeftovers(left);
                List<String> networks = networks(namespace);
                if (!removed.ok() || networks.isEmpty()) return removed;
                if (networksBy == null) networksBy = min(deadline, clock.instant().plus(NETWORKS_GO));
                if (!clock.instant().isBefore(networksBy)) {
                    // a container that is not the stack's may hold this engine's copy (an attachable network): told, not waited on
                    events.warning("down: this engine still lists the stack's network" + (networks.size() > 1 ? "s " : " ")
                            + String.join(", ", networks) + " (is a container that is not the stack's attached to it?)");
                    return removed;
                }
            } else if (!clock.instant().isBefore(deadline)) {
                List<String> names = left.stream().filter(ObservedContainer::running).map(ObservedContainer::name).toList();
                return new Outcome(Outcome.Status.FAILED, List.of("down --wait: after " + timeoutSeconds + "s the task containers "
                        + String.join(", ", names) + " still run"), List.of(), 0);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Outcome.Status.INTERRUPTED, List.of(), List.of("wait for the task containers to go"), 0);
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * The stack's networks this engine still lists: the manager lets a removed network go at once, but each node keeps
     * its copy until its tasks have let go of it, and a deploy made meanwhile would take the copy for the network.
     */
    private List<String> networks(String namespace) {
        // every network the engine lists with the label, whatever its scope: what docker network ls --filter shows
        return engine.networks().stream().filter(n -> namespace.equals(n.labels().get(StackLabels.NAMESPACE)))
                .map(n -> n.name()).distinct().sorted().toList();
    }

    private List<ObservedContainer> left(String namespace) {
        return engine.containers(namespace).stream()
                .filter(c -> namespace.equals(c.labels().get(StackLabels.NAMESPACE)) && c.labels().containsKey(SWARM_TASK))
                .toList();
    }

    private Outcome removeLeftovers(List<ObservedContainer> stopped) {
        List<String> errors = new ArrayList<>();
        for (ObservedContainer c : stopped) {
            try {
                engine.removeContainer(c.name(), false);
            } catch (RuntimeException e) {
                // the engine's own clean-up may have come first
                if (engine.containers(c.project()).stream().anyMatch(o -> o.name().equals(c.name()))) errors.add("remove " + c.name() + ": " + e.getMessage());
            }
        }
        return errors.isEmpty() ? Outcome.OK : new Outcome(Outcome.Status.FAILED, errors, List.of(), 0);
    }

    /** The label the engine puts on a task's container. */
    static final String SWARM_TASK = "com.docker.swarm.task.id";
}
