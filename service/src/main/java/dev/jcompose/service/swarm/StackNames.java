package dev.jcompose.service.swarm;

import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;

/** How a stack's services and tasks are named to a user, as {@code docker stack} names them: for the CLI and the library alike. */
public final class StackNames {
    private StackNames() {}

    /** The compose service a swarm service is: its label, else its name without the namespace. */
    public static String composeName(String namespace, SwarmService service) {
        String label = service.labels().get(StackLabels.COMPOSE_SERVICE);
        if (label != null) return label;
        return service.name().startsWith(namespace + "_") ? service.name().substring(namespace.length() + 1) : service.name();
    }

    /** The task's slot, or the id of its node where it has none (global services and jobs), as docker stack ps shows it. */
    public static String slotOrNode(SwarmTask task) {
        return task.slot() != null && task.slot() != 0 ? String.valueOf(task.slot()) : String.valueOf(task.nodeId());
    }
}
