package dev.jcompose.executor.memory;

import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.NotSwarmManagerException;
import dev.jcompose.executor.ServiceLogLine;
import dev.jcompose.executor.SwarmEngine;
import dev.jcompose.executor.SwarmInfo;
import dev.jcompose.executor.request.SwarmRequests.ObjectIds;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmNode;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.observed.TaskState;
import dev.jcompose.planner.swarm.spec.FileReference;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A swarm held in memory, the swarm half of {@link InMemoryEngine}: services with their version index, tasks that
 * are running (or complete, for jobs) at once when the image exists and rejected ("No such image") twice, with a
 * third preparing, when it does not; networks, configs and secrets with the engine's rules that matter to a deploy
 * (names unique, an object a service uses cannot be removed, an update must carry the current version). Records every
 * call that changes something, and can make updates meet "update out of sequence" as if someone else changed the
 * service in between. Thread-safe.
 */
public final class InMemorySwarm implements SwarmEngine {
    private final Predicate<String> imageExists;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, SwarmNetwork> networks = new TreeMap<>();
    private final Map<String, SwarmObject> configs = new TreeMap<>();
    private final Map<String, SwarmObject> secrets = new TreeMap<>();
    private final List<SwarmNode> nodes = new ArrayList<>(List.of(
            new SwarmNode("node1id", "node-1", SwarmNode.Role.MANAGER, SwarmNode.Availability.ACTIVE, SwarmNode.State.READY)));
    private final Map<String, List<String>> logs = new TreeMap<>();
    private final Set<String> stuck = new TreeSet<>();
    private boolean manager = true;
    private int outOfSequence;
    private long index = 10;
    private int nextId = 1;

    /** A service as the double keeps it: the last spec sent, its version, its tasks. */
    private record Service(String id, ServiceSpec spec, long version, List<SwarmTask> tasks) {}

    /** @param imageExists whether an image reference is on the node (the engine's images) */
    public InMemorySwarm(Predicate<String> imageExists) {
        this.imageExists = imageExists;
    }

    /** The engine is in no swarm: every call that needs a manager is refused, as the engine refuses it. */
    public synchronized InMemorySwarm notManager() {
        manager = false;
        return this;
    }

    /** The next {@code n} update calls meet "update out of sequence": someone else changed the service in between. */
    public synchronized InMemorySwarm outOfSequence(int n) {
        outOfSequence = n;
        return this;
    }

    /** The service's tasks stay {@code preparing} (an image that takes forever to pull): a wait on it never passes. */
    public synchronized InMemorySwarm stuck(String service) {
        stuck.add(service);
        return this;
    }

    /** What a service's tasks log, line by line, for {@link #serviceLogs}. */
    public synchronized InMemorySwarm withLogs(String service, String... lines) {
        logs.put(service, List.of(lines));
        return this;
    }

    /** Every call that changed something, as {@code "create service demo_web"}, in the order made. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The spec a service was last given, by name. */
    public synchronized Optional<ServiceSpec> spec(String name) {
        return byName(name).map(Service::spec);
    }

    @Override
    public synchronized SwarmInfo info() {
        return manager ? new SwarmInfo("node1id", "active", true, "") : new SwarmInfo("", "inactive", false, "");
    }

    @Override
    public String init(String address) {
        throw new UnsupportedOperationException("the in-memory swarm is made by its constructor");
    }

    @Override
    public void leave(boolean force) {
        throw new UnsupportedOperationException("the in-memory swarm is left by dropping it");
    }

    @Override
    public synchronized List<SwarmNode> nodes() {
        requireManager();
        return List.copyOf(nodes);
    }

    @Override
    public synchronized List<SwarmService> services(String namespace) {
        requireManager();
        return services.values().stream().filter(s -> namespace.equals(s.spec().labels().get(StackLabels.NAMESPACE)))
                .map(InMemorySwarm::observed).toList();
    }

    @Override
    public synchronized SortedSet<String> namespaces() {
        requireManager();
        SortedSet<String> out = new TreeSet<>();
        for (Service s : services.values()) {
            String namespace = s.spec().labels().get(StackLabels.NAMESPACE);
            if (namespace != null) out.add(namespace);
        }
        return out;
    }

    @Override
    public synchronized Optional<SwarmService> service(String nameOrId) {
        requireManager();
        return find(nameOrId).map(InMemorySwarm::observed);
    }

    @Override
    public synchronized List<SwarmTask> tasks(String serviceId, boolean upToDate) {
        requireManager();
        Service s = services.get(serviceId);
        if (s == null) return List.of();
        // superseded tasks have been shut down: the current spec's are the last ones made
        return upToDate ? s.tasks().stream().filter(t -> t.id().startsWith(s.id() + "-v" + s.version() + "-")).toList() : List.copyOf(s.tasks());
    }

    @Override
    public synchronized List<String> createService(ServiceSpec spec, ObjectIds ids, boolean queryRegistry) {
        requireManager();
        record("create service " + spec.name());
        if (byName(spec.name()).isPresent()) throw new EngineException("create service " + spec.name() + ": name conflicts with an existing object");
        checkReferences(spec, ids);
        String id = "svc" + nextId++;
        Service s = new Service(id, spec, ++index, new ArrayList<>());
        s.tasks().addAll(tasksFor(s));
        services.put(id, s);
        return queryRegistry ? List.of("image " + spec.taskTemplate().containerSpec().image() + " could not be accessed on a registry") : List.of();
    }

    @Override
    public synchronized List<String> updateService(String id, long versionIndex, long forceUpdate, ServiceSpec spec, ObjectIds ids,
                                                   boolean queryRegistry) {
        requireManager();
        Service old = services.get(id);
        if (old == null) throw new EngineException("update service " + spec.name() + ": service " + id + " not found");
        long version = versionIndex;
        for (int attempt = 1; ; attempt++) {
            record("update service " + spec.name() + " at version " + version + (forceUpdate != 0 ? " with force " + forceUpdate : ""));
            if (outOfSequence > 0) {
                outOfSequence--;
                // someone else's change: the version moves on
                services.put(id, new Service(id, services.get(id).spec(), ++index, services.get(id).tasks()));
            }
            if (services.get(id).version() == version) break;
            // what the docker implementation does on "update out of sequence": read the version again, five tries in all
            if (attempt == 5) throw new EngineException("update service " + spec.name() + ": update out of sequence");
            version = services.get(id).version();
        }
        checkReferences(spec, ids);
        List<SwarmTask> tasks = new ArrayList<>();
        for (SwarmTask t : services.get(id).tasks()) {
            tasks.add(t.desiredState().terminal() ? t : new SwarmTask(t.id(), t.serviceId(), t.slot(), t.nodeId(), t.nodeHostname(),
                    TaskState.SHUTDOWN, TaskState.SHUTDOWN, "shutdown", "", t.containerId(), 0));
        }
        Service s = new Service(id, spec, ++index, tasks);
        tasks.addAll(tasksFor(s));
        services.put(id, s);
        return List.of();
    }

    @Override
    public synchronized void removeService(String id) {
        requireManager();
        find(id).ifPresent(s -> {
            record("remove service " + s.spec().name());
            services.remove(s.id());
        });
    }

    @Override
    public synchronized List<SwarmNetwork> networks(String namespace) {
        return networks.values().stream().filter(n -> namespace.equals(n.labels().get(StackLabels.NAMESPACE))).toList();
    }

    @Override
    public synchronized Optional<SwarmNetwork> network(String name) {
        return networks.values().stream().filter(n -> n.name().equals(name) || n.id().equals(name)).findFirst();
    }

    @Override
    public synchronized void createNetwork(NetworkSpec spec) {
        requireManager();
        record("create network " + spec.name());
        if (network(spec.name()).isPresent()) throw new EngineException("create network " + spec.name() + ": network with name " + spec.name() + " already exists");
        String id = "net" + nextId++;
        networks.put(id, new SwarmNetwork(id, spec.name(), spec.driver() == null ? "overlay" : spec.driver(), "swarm", spec.labels()));
    }

    /** Puts a network directly, as if another tool had made it (an external network). */
    public synchronized void putNetwork(SwarmNetwork n) {
        networks.put(n.id(), n);
    }

    @Override
    public synchronized void removeNetwork(String id) {
        Optional<SwarmNetwork> n = network(id);
        if (n.isEmpty()) return;
        record("remove network " + n.get().name());
        for (Service s : services.values()) {
            if (s.spec().taskTemplate().networks().stream().anyMatch(a -> a.target().equals(n.get().name()))) {
                throw new EngineException("remove network " + n.get().name() + ": network " + n.get().name() + " is in use by service " + s.spec().name());
            }
        }
        networks.remove(n.get().id());
    }

    @Override
    public synchronized List<SwarmObject> objects(ObjectSpec.Kind kind, String namespace) {
        requireManager();
        return store(kind).values().stream().filter(o -> namespace.equals(o.labels().get(StackLabels.NAMESPACE))).toList();
    }

    @Override
    public synchronized Optional<SwarmObject> object(ObjectSpec.Kind kind, String name) {
        requireManager();
        return store(kind).values().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    @Override
    public synchronized String createObject(ObjectSpec spec) {
        requireManager();
        record("create " + spec.kind().key() + " " + spec.name());
        if (object(spec.kind(), spec.name()).isPresent()) {
            throw new EngineException("create " + spec.kind().key() + " " + spec.name() + ": " + spec.kind().key() + " " + spec.name() + " already exists");
        }
        String id = spec.kind().key() + nextId++;
        store(spec.kind()).put(id, new SwarmObject(id, spec.name(), spec.labels()));
        return id;
    }

    /** Puts a config or secret directly, as if another tool had made it (an external one). */
    public synchronized void putObject(ObjectSpec.Kind kind, SwarmObject o) {
        store(kind).put(o.id(), o);
    }

    @Override
    public synchronized void removeObject(ObjectSpec.Kind kind, String id) {
        requireManager();
        Optional<SwarmObject> o = store(kind).values().stream().filter(x -> x.id().equals(id) || x.name().equals(id)).findFirst();
        if (o.isEmpty()) return;
        record("remove " + kind.key() + " " + o.get().name());
        for (Service s : services.values()) {
            if (references(s.spec(), kind).stream().anyMatch(r -> r.objectName().equals(o.get().name()))) {
                throw new EngineException("remove " + kind.key() + " " + o.get().name() + ": " + kind.key() + " '" + o.get().name()
                        + "' is in use by the following service: " + s.spec().name());
            }
        }
        store(kind).remove(o.get().id());
    }

    @Override
    public synchronized LogFollower serviceLogs(String service, LogOptions options, Consumer<ServiceLogLine> lines) {
        requireManager();
        Service s = find(service).orElseThrow(() -> new EngineException("logs of service " + service + ": no such service"));
        String task = s.tasks().isEmpty() ? "" : s.tasks().get(0).id();
        for (String line : logs.getOrDefault(s.spec().name(), List.of())) {
            lines.accept(new ServiceLogLine(task, "node1id", new LogLine(LogLine.Stream.STDOUT, line)));
        }
        return new LogFollower() {
            @Override
            public void awaitEnd(long millis) { }

            @Override
            public void close() { }
        };
    }

    private void requireManager() {
        if (!manager) throw new NotSwarmManagerException("in-memory: This node is not a swarm manager.");
    }

    private void record(String call) {
        calls.add(call);
    }

    private Map<String, SwarmObject> store(ObjectSpec.Kind kind) {
        return kind == ObjectSpec.Kind.CONFIG ? configs : secrets;
    }

    private Optional<Service> find(String nameOrId) {
        Service byId = services.get(nameOrId);
        return byId != null ? Optional.of(byId) : byName(nameOrId);
    }

    private Optional<Service> byName(String name) {
        return services.values().stream().filter(s -> s.spec().name().equals(name)).findFirst();
    }

    private static List<FileReference> references(ServiceSpec spec, ObjectSpec.Kind kind) {
        return kind == ObjectSpec.Kind.CONFIG ? spec.taskTemplate().containerSpec().configs() : spec.taskTemplate().containerSpec().secrets();
    }

    /** The engine wants every config and secret a service names to exist, by the id given for its name. */
    private void checkReferences(ServiceSpec spec, ObjectIds ids) {
        for (ObjectSpec.Kind kind : ObjectSpec.Kind.values()) {
            Map<String, String> given = kind == ObjectSpec.Kind.CONFIG ? ids.configs() : ids.secrets();
            for (FileReference r : references(spec, kind)) {
                String id = given.get(r.objectName());
                if (id == null || !store(kind).containsKey(id)) {
                    throw new EngineException(spec.name() + ": " + kind.key() + " not found: " + r.objectName());
                }
            }
        }
    }

    /** The tasks of a spec just sent: running or complete at once, or rejected twice when the image is missing. */
    private List<SwarmTask> tasksFor(Service s) {
        String image = s.spec().taskTemplate().containerSpec().image();
        ServiceMode mode = s.spec().mode();
        boolean job = mode.isJob();
        List<Integer> slots = new ArrayList<>();
        if (mode instanceof ServiceMode.Replicated r) for (int i = 1; i <= r.replicas(); i++) slots.add(i);
        else if (mode instanceof ServiceMode.ReplicatedJob j) for (int i = 1; i <= j.totalCompletions(); i++) slots.add(i);
        else slots.add(null); // global: one per node, and the double has one node
        List<SwarmTask> out = new ArrayList<>();
        int n = 0;
        String prefix = s.id() + "-v" + s.version() + "-";
        TaskState desired = job ? TaskState.COMPLETE : TaskState.RUNNING;
        for (Integer slot : slots) {
            if (stuck.contains(s.spec().name())) {
                out.add(new SwarmTask(prefix + ++n, s.id(), slot, "node1id", null, desired, TaskState.PREPARING, "preparing", "", null, null));
            } else if (imageExists.test(image)) {
                TaskState state = job ? TaskState.COMPLETE : TaskState.RUNNING;
                out.add(new SwarmTask(prefix + ++n, s.id(), slot, "node1id", null, desired, state, state.key(), "", "c" + prefix + n,
                        job ? 0 : null));
            } else {
                for (int i = 0; i < 2; i++) {
                    out.add(new SwarmTask(prefix + ++n, s.id(), slot, "node1id", null, TaskState.SHUTDOWN, TaskState.REJECTED,
                            "preparing", "No such image: " + image, null, null));
                }
                out.add(new SwarmTask(prefix + ++n, s.id(), slot, "node1id", null, desired, TaskState.PREPARING, "preparing", "", null, null));
            }
        }
        return out;
    }

    private static SwarmService observed(Service s) {
        return new SwarmService(s.id(), s.spec().name(), s.version(), s.spec().labels(), s.spec().taskTemplate().containerSpec().image(),
                s.spec().mode(), null);
    }
}
