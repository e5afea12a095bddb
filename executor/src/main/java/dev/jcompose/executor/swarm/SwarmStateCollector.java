package dev.jcompose.executor.swarm;

import dev.jcompose.executor.NotSwarmManagerException;
import dev.jcompose.executor.SwarmEngine;
import dev.jcompose.executor.SwarmInfo;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmNode;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.Stack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Engine -> {@link ObservedSwarm} for one stack: its services (label {@code com.docker.stack.namespace}) with all
 * their tasks (each with its node's hostname), networks, configs and secrets, the external ones the stack names
 * (by name: they carry no label of the stack), and the swarm's nodes. An engine that is no swarm manager is a
 * {@link NotSwarmManagerException}.
 */
public final class SwarmStateCollector {
    private SwarmStateCollector() {}

    /** What a deploy of {@code stack} looks at. */
    public static ObservedSwarm collect(SwarmEngine swarm, Stack stack) {
        return collect(swarm, stack.namespace(), stack.externalNetworks(), stack.externalConfigs(), stack.externalSecrets());
    }

    /** A stack's objects alone (ps, logs, down: nothing external). */
    public static ObservedSwarm collect(SwarmEngine swarm, String namespace) {
        return collect(swarm, namespace, Set.of(), Set.of(), Set.of());
    }

    public static ObservedSwarm collect(SwarmEngine swarm, String namespace, Set<String> externalNetworks,
                                        Set<String> externalConfigs, Set<String> externalSecrets) {
        SwarmInfo info = swarm.info();
        if (!info.manager()) {
            throw new NotSwarmManagerException("its swarm state: " + info.localNodeState()
                    + (info.active() ? ", a worker" : "") + (info.error().isEmpty() ? "" : ", " + info.error()));
        }
        List<SwarmNode> nodes = swarm.nodes();
        Map<String, String> hostnames = new HashMap<>();
        for (SwarmNode n : nodes) hostnames.put(n.id(), n.hostname());
        List<SwarmService> services = swarm.services(namespace);
        List<SwarmTask> tasks = new ArrayList<>();
        for (SwarmService s : services) {
            for (SwarmTask t : swarm.tasks(s.id(), false)) tasks.add(withHostname(t, hostnames));
        }
        List<SwarmNetwork> networks = new ArrayList<>(swarm.networks(namespace));
        for (String name : externalNetworks) {
            swarm.network(name).filter(n -> networks.stream().noneMatch(o -> o.id().equals(n.id()))).ifPresent(networks::add);
        }
        return new ObservedSwarm(services, tasks, networks, objects(swarm, ObjectSpec.Kind.CONFIG, namespace, externalConfigs),
                objects(swarm, ObjectSpec.Kind.SECRET, namespace, externalSecrets), nodes);
    }

    private static List<SwarmObject> objects(SwarmEngine swarm, ObjectSpec.Kind kind, String namespace, Set<String> external) {
        List<SwarmObject> out = new ArrayList<>(swarm.objects(kind, namespace));
        for (String name : external) {
            swarm.object(kind, name).filter(o -> out.stream().noneMatch(x -> x.id().equals(o.id()))).ifPresent(out::add);
        }
        return out;
    }

    private static SwarmTask withHostname(SwarmTask t, Map<String, String> hostnames) {
        if (t.nodeId() == null || !hostnames.containsKey(t.nodeId())) return t;
        return new SwarmTask(t.id(), t.serviceId(), t.slot(), t.nodeId(), hostnames.get(t.nodeId()), t.desiredState(), t.state(),
                t.message(), t.err(), t.containerId(), t.exitCode());
    }
}
