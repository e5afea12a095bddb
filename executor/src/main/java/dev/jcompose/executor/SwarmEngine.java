package dev.jcompose.executor;

import dev.jcompose.executor.request.SwarmRequests.ObjectIds;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmNode;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * The swarm half of the {@link Engine} port ({@link Engine#swarm()}): the planner's swarm records in and out, one
 * method one engine call (an update retries a bounded number of times when the version it carried went stale).
 * A call that needs a manager on an engine that is none throws {@link NotSwarmManagerException}; other failures are
 * {@link EngineException}s with the engine's message.
 *
 * <p>A stack's objects are found by the label {@code com.docker.stack.namespace}, as {@code docker stack} finds
 * them, so that each side sees what the other deployed.
 */
public interface SwarmEngine {
    /** The engine's place in a swarm ({@code GET /info}); answers on any engine. */
    SwarmInfo info();

    /**
     * Makes this engine the manager of a new single-node swarm that listens and advertises on {@code address}
     * ({@code POST /swarm/init}); returns the node's id. For test beds and set-up: deploy never calls it.
     */
    String init(String address);

    /** Leaves the swarm ({@code POST /swarm/leave}); {@code force} lets the last manager go. For test beds. */
    void leave(boolean force);

    List<SwarmNode> nodes();

    /** The services of a stack, by namespace label. */
    List<SwarmService> services(String namespace);

    /** The stacks the swarm holds: each namespace label value its services carry, as {@code docker stack ls} finds them. */
    SortedSet<String> namespaces();

    /** A service by name or id, or empty. */
    Optional<SwarmService> service(String nameOrId);

    /**
     * The tasks of one service, every one the engine still holds (earlier attempts and superseded versions too), or
     * with {@code upToDate} only those that run its current spec (docker cli's {@code _up-to-date} filter).
     */
    List<SwarmTask> tasks(String serviceId, boolean upToDate);

    /**
     * Creates a service; with {@code queryRegistry} its image is first resolved to a digest at the registry
     * ({@code GET /distribution/{name}/json}) and pinned, as docker stack does. Returns the engine's warnings and
     * what the call could not do (an image the registry would not resolve), empty when none.
     *
     * @param ids the ids of the configs and secrets the spec names (the Engine API wants both)
     */
    List<String> createService(ServiceSpec spec, ObjectIds ids, boolean queryRegistry);

    /**
     * Updates a service by id with the {@code Version.Index} it was observed at and its {@code ForceUpdate} counter
     * as observed (kept, so that the update restarts no task the spec change does not); when the engine answers
     * "update out of sequence" (someone changed it since), reads both again and retries, at most five times in all.
     * Returns warnings as {@link #createService} does.
     */
    List<String> updateService(String id, long versionIndex, long forceUpdate, ServiceSpec spec, ObjectIds ids, boolean queryRegistry);

    /** Removes a service by id or name; one already gone is no error. */
    void removeService(String id);

    /** The swarm-scoped networks of a stack, by namespace label. */
    List<SwarmNetwork> networks(String namespace);

    /** A network by name, or empty (an external network the stack needs). */
    Optional<SwarmNetwork> network(String name);

    /** Creates an overlay network. */
    void createNetwork(NetworkSpec spec);

    /**
     * Removes a network by id or name; one already gone is no error. The manager refuses while a service that is not
     * removed uses it; the tasks of removed services do not hold it (this engine lists its own copy of the network
     * until their containers are gone).
     */
    void removeNetwork(String id);

    /** The configs ({@code CONFIG}) or secrets ({@code SECRET}) of a stack, by namespace label. */
    List<SwarmObject> objects(ObjectSpec.Kind kind, String namespace);

    /** A config or secret by name, or empty (an external one the stack needs). */
    Optional<SwarmObject> object(ObjectSpec.Kind kind, String name);

    /** Creates a config or secret; returns its id. */
    String createObject(ObjectSpec spec);

    /** Removes a config or secret by id or name; one already gone is no error. */
    void removeObject(ObjectSpec.Kind kind, String id);

    /**
     * Streams the logs of every task of a service ({@code GET /services/{id}/logs}), each line with its task and
     * node, to {@code lines} on a thread of the engine's; the handle ends as a container's logs do.
     */
    LogFollower serviceLogs(String service, LogOptions options, Consumer<ServiceLogLine> lines);
}
