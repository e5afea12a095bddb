package dev.jcompose.planner.swarm.observed;

import java.util.Comparator;
import java.util.List;

/**
 * A snapshot of the swarm objects a deploy looks at, made by the executor's state collector. The collector lists
 * by the stack namespace label and also lists external objects by name; the planner touches only objects that carry
 * the namespace label.
 */
public record ObservedSwarm(List<SwarmService> services, List<SwarmTask> tasks, List<SwarmNetwork> networks,
                            List<SwarmObject> configs, List<SwarmObject> secrets, List<SwarmNode> nodes) {
    public static final ObservedSwarm EMPTY = new ObservedSwarm(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public ObservedSwarm {
        services = services.stream().sorted(Comparator.comparing(SwarmService::name).thenComparing(SwarmService::id)).toList();
        tasks = tasks.stream().sorted(Comparator.comparing(SwarmTask::serviceId).thenComparing(SwarmTask::id)).toList();
        networks = networks.stream().sorted(Comparator.comparing(SwarmNetwork::name).thenComparing(SwarmNetwork::id)).toList();
        configs = configs.stream().sorted(Comparator.comparing(SwarmObject::name).thenComparing(SwarmObject::id)).toList();
        secrets = secrets.stream().sorted(Comparator.comparing(SwarmObject::name).thenComparing(SwarmObject::id)).toList();
        nodes = nodes.stream().sorted(Comparator.comparing(SwarmNode::hostname).thenComparing(SwarmNode::id)).toList();
    }

    /** The tasks of one service, by the service's id. */
    public List<SwarmTask> tasksOf(String serviceId) {
        return tasks.stream().filter(t -> t.serviceId().equals(serviceId)).toList();
    }
}
