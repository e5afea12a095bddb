package dev.jcompose.executor.docker;

import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmNode;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.observed.TaskState;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import java.util.Locale;

/** The engine's swarm JSON (services, tasks, nodes, networks, configs and secrets) as the planner's observed records. */
final class SwarmReads {
    private SwarmReads() {}

    static SwarmService service(Object s) {
        Object spec = EngineJson.field(s, "Spec");
        Object template = EngineJson.field(spec, "TaskTemplate");
        Object containerSpec = EngineJson.field(template, "ContainerSpec");
        Object update = EngineJson.field(s, "UpdateStatus");
        SwarmService.UpdateStatus status = update == null ? null
                : new SwarmService.UpdateStatus(orEmpty(EngineJson.string(update, "State")), orEmpty(EngineJson.string(update, "Message")));
        return new SwarmService(EngineJson.string(s, "ID"), EngineJson.string(spec, "Name"),
                EngineJson.number(EngineJson.field(s, "Version"), "Index"), EngineJson.stringMap(spec, "Labels"),
                orEmpty(EngineJson.string(containerSpec, "Image")), mode(EngineJson.field(spec, "Mode")), status,
                EngineJson.number(template, "ForceUpdate"));
    }

    /** {@code Spec.Mode}: one of its four keys is set; none is the engine's default, one replica. */
    static ServiceMode mode(Object mode) {
        Object replicated = EngineJson.field(mode, "Replicated");
        if (replicated != null) {
            return new ServiceMode.Replicated(EngineJson.field(replicated, "Replicas") == null ? 1 : EngineJson.number(replicated, "Replicas"));
        }
        if (EngineJson.field(mode, "Global") != null) return new ServiceMode.Global();
        Object job = EngineJson.field(mode, "ReplicatedJob");
        if (job != null) {
            // the engine's defaults when a field is left out: one at a time, one completion
            long concurrent = EngineJson.field(job, "MaxConcurrent") == null ? 1 : EngineJson.number(job, "MaxConcurrent");
            long completions = EngineJson.field(job, "TotalCompletions") == null ? concurrent : EngineJson.number(job, "TotalCompletions");
            return new ServiceMode.ReplicatedJob(concurrent, completions);
        }
        if (EngineJson.field(mode, "GlobalJob") != null) return new ServiceMode.GlobalJob();
        return new ServiceMode.Replicated(1);
    }

    static SwarmTask task(Object t) {
        Object status = EngineJson.field(t, "Status");
        Object container = EngineJson.field(status, "ContainerStatus");
        TaskState state = state(EngineJson.string(status, "State"));
        String containerId = EngineJson.string(container, "ContainerID");
        // the engine says 0 for a container that still runs: an exit code only once the task has ended
        Integer exit = containerId != null && !containerId.isEmpty() && state.terminal() && EngineJson.field(container, "ExitCode") != null
                ? (int) EngineJson.number(container, "ExitCode") : null;
        long slot = EngineJson.number(t, "Slot");
        String node = EngineJson.string(t, "NodeID");
        return new SwarmTask(EngineJson.string(t, "ID"), EngineJson.string(t, "ServiceID"), slot == 0 ? null : (int) slot,
                node == null || node.isEmpty() ? null : node, null, state(EngineJson.string(t, "DesiredState")), state,
                orEmpty(EngineJson.string(status, "Message")), orEmpty(EngineJson.string(status, "Err")),
                containerId == null || containerId.isEmpty() ? null : containerId, exit);
    }

    /** A task state by the engine's name; one this API version does not have reads as {@code new} rather than failing a read. */
    static TaskState state(String name) {
        if (name == null || name.isEmpty()) return TaskState.NEW;
        try {
            return TaskState.of(name);
        } catch (IllegalArgumentException e) {
            return TaskState.NEW;
        }
    }

    static SwarmNode node(Object n) {
        Object spec = EngineJson.field(n, "Spec");
        String hostname = EngineJson.string(EngineJson.field(n, "Description"), "Hostname");
        return new SwarmNode(EngineJson.string(n, "ID"), orEmpty(hostname),
                constant(SwarmNode.Role.class, EngineJson.string(spec, "Role"), SwarmNode.Role.WORKER),
                constant(SwarmNode.Availability.class, EngineJson.string(spec, "Availability"), SwarmNode.Availability.ACTIVE),
                constant(SwarmNode.State.class, EngineJson.string(EngineJson.field(n, "Status"), "State"), SwarmNode.State.UNKNOWN));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, E otherwise) {
        if (name == null) return otherwise;
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    static SwarmNetwork network(Object n) {
        return new SwarmNetwork(EngineJson.string(n, "Id"), EngineJson.string(n, "Name"), orEmpty(EngineJson.string(n, "Driver")),
                orEmpty(EngineJson.string(n, "Scope")), EngineJson.stringMap(n, "Labels"));
    }

    /** A config or secret: {@code {"ID":..,"Spec":{"Name":..,"Labels":..}}}. */
    static SwarmObject object(Object o) {
        Object spec = EngineJson.field(o, "Spec");
        return new SwarmObject(EngineJson.string(o, "ID"), EngineJson.string(spec, "Name"), EngineJson.stringMap(spec, "Labels"));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
