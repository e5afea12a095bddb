package dev.jcompose.executor.docker;

import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.ServiceLogLine;
import dev.jcompose.executor.SwarmEngine;
import dev.jcompose.executor.SwarmInfo;
import dev.jcompose.executor.request.SwarmRequests.ObjectIds;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmNode;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * The swarm half of {@link DockerJavaEngine}, over the same {@link Transport}: {@link SwarmCalls} (the swarm and its
 * nodes), {@link ServiceCalls} (services, tasks), {@link SwarmObjectCalls} (networks, configs, secrets) and
 * {@link ServiceLogs}. The JSON bodies are {@code SwarmRequests}'; this only sends them.
 */
final class DockerSwarmEngine implements SwarmEngine {
    private final Transport transport;
    private final SwarmCalls swarm;
    private final ServiceCalls services;
    private final SwarmObjectCalls objects;

    DockerSwarmEngine(Transport transport, EngineInfo info) {
        this.transport = transport;
        this.swarm = new SwarmCalls(transport, info);
        this.services = new ServiceCalls(transport, swarm);
        this.objects = new SwarmObjectCalls(transport, swarm);
    }

    @Override
    public SwarmInfo info() {
        return swarm.info();
    }

    @Override
    public String init(String address) {
        return swarm.init(address);
    }

    @Override
    public void leave(boolean force) {
        swarm.leave(force);
    }

    @Override
    public List<SwarmNode> nodes() {
        Object list = swarm.managerCall("list nodes", () -> transport.get("/nodes"));
        List<SwarmNode> out = new ArrayList<>();
        for (Object n : EngineJson.list(list)) out.add(SwarmReads.node(n));
        return out;
    }

    @Override
    public List<SwarmService> services(String namespace) {
        return services.services(namespace);
    }

    @Override
    public SortedSet<String> namespaces() {
        return services.namespaces();
    }

    @Override
    public Optional<SwarmService> service(String nameOrId) {
        return services.service(nameOrId);
    }

    @Override
    public List<SwarmTask> tasks(String serviceId, boolean upToDate) {
        return services.tasks(serviceId, upToDate);
    }

    @Override
    public List<String> createService(ServiceSpec spec, ObjectIds ids, boolean queryRegistry) {
        return services.create(spec, ids, queryRegistry);
    }

    @Override
    public List<String> updateService(String id, long versionIndex, long forceUpdate, ServiceSpec spec, ObjectIds ids, boolean queryRegistry) {
        return services.update(id, versionIndex, forceUpdate, spec, ids, queryRegistry);
    }

    @Override
    public void removeService(String id) {
        services.remove(id);
    }

    @Override
    public List<SwarmNetwork> networks(String namespace) {
        return objects.networks(namespace);
    }

    @Override
    public Optional<SwarmNetwork> network(String name) {
        return objects.network(name);
    }

    @Override
    public void createNetwork(NetworkSpec spec) {
        objects.createNetwork(spec);
    }

    @Override
    public void removeNetwork(String id) {
        objects.removeNetwork(id);
    }

    @Override
    public List<SwarmObject> objects(ObjectSpec.Kind kind, String namespace) {
        return objects.objects(kind, namespace);
    }

    @Override
    public Optional<SwarmObject> object(ObjectSpec.Kind kind, String name) {
        return objects.object(kind, name);
    }

    @Override
    public String createObject(ObjectSpec spec) {
        return objects.createObject(spec);
    }

    @Override
    public void removeObject(ObjectSpec.Kind kind, String id) {
        objects.removeObject(kind, id);
    }

    @Override
    public LogFollower serviceLogs(String service, LogOptions options, Consumer<ServiceLogLine> lines) {
        // the service's id, and whether its output comes raw (a TTY) or in frames
        Object inspected = services.inspect(service).orElseThrow(() -> new EngineException("logs of service " + service + ": no such service"));
        Object containerSpec = EngineJson.field(EngineJson.field(EngineJson.field(inspected, "Spec"), "TaskTemplate"), "ContainerSpec");
        boolean tty = Boolean.TRUE.equals(EngineJson.field(containerSpec, "TTY"));
        return ServiceLogs.open(transport, EngineJson.string(inspected, "ID"), tty, options, lines);
    }
}
