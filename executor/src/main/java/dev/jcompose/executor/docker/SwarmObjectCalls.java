package dev.jcompose.executor.docker;

import static dev.jcompose.executor.docker.Transport.filters;
import static dev.jcompose.executor.docker.Transport.pathSegment;

import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.docker.Transport.NotFound;
import dev.jcompose.executor.request.SwarmRequests;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The calls on a stack's networks, configs and secrets. */
final class SwarmObjectCalls {
    private final Transport transport;
    private final SwarmCalls swarm;

    SwarmObjectCalls(Transport transport, SwarmCalls swarm) {
        this.transport = transport;
        this.swarm = swarm;
    }

    List<SwarmNetwork> networks(String namespace) {
        Object list = transport.call("list networks", () -> transport.get("/networks?filters="
                + filters("label", StackLabels.NAMESPACE + "=" + namespace)));
        List<SwarmNetwork> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object n : EngineJson.list(list)) {
            SwarmNetwork network = SwarmReads.network(n);
            // a manager lists the swarm's network and this node's copy of it, which has the same id
            if (network.scope().equals("swarm") && ids.add(network.id())) out.add(network);
        }
        return out;
    }

    Optional<SwarmNetwork> network(String name) {
        try {
            SwarmNetwork n = SwarmReads.network(transport.call("inspect network " + name, () -> transport.get("/networks/" + pathSegment(name))));
            // the engine also answers to a prefix of an id: only the network of that name or id is the one asked for
            return n.name().equals(name) || n.id().equals(name) ? Optional.of(n) : Optional.empty();
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    void createNetwork(NetworkSpec spec) {
        Map<String, Object> body = SwarmRequests.network(spec);
        swarm.managerCall("create network " + spec.name(), () -> transport.send(Method.POST, "/networks/create", body));
    }

    /**
     * One call: the manager refuses a network a task that is meant to run still uses ("network x is in use by task
     * y"); the tasks of a removed service are meant to go at once, so a network does not wait for their containers.
     */
    void removeNetwork(String id) {
        try {
            transport.call("remove network " + id, () -> transport.send(Method.DELETE, "/networks/" + pathSegment(id), null));
        } catch (NotFound e) {
            // already gone
        } catch (EngineException e) {
            if (!EngineMessages.isNetworkGone(e)) throw e;
        }
    }

    List<SwarmObject> objects(ObjectSpec.Kind kind, String namespace) {
        Object list = swarm.managerCall("list " + kind.key() + "s", () -> transport.get("/" + kind.key() + "s?filters="
                + filters("label", StackLabels.NAMESPACE + "=" + namespace)));
        List<SwarmObject> out = new ArrayList<>();
        for (Object o : EngineJson.list(list)) out.add(SwarmReads.object(o));
        return out;
    }

    Optional<SwarmObject> object(ObjectSpec.Kind kind, String name) {
        // by name: the engine's inspect also takes an id prefix, the list's name filter matches prefixes
        Object list = swarm.managerCall("list " + kind.key() + "s", () -> transport.get("/" + kind.key() + "s?filters="
                + filters("name", name)));
        for (Object o : EngineJson.list(list)) {
            SwarmObject object = SwarmReads.object(o);
            if (object.name().equals(name)) return Optional.of(object);
        }
        return Optional.empty();
    }

    String createObject(ObjectSpec spec) {
        Map<String, Object> body = SwarmRequests.object(spec);
        Object answer = swarm.managerCall("create " + spec.kind().key() + " " + spec.name(),
                () -> transport.send(Method.POST, "/" + spec.kind().key() + "s/create", body));
        return EngineJson.string(answer, "ID");
    }

    void removeObject(ObjectSpec.Kind kind, String id) {
        try {
            swarm.managerCall("remove " + kind.key() + " " + id, () -> transport.send(Method.DELETE, "/" + kind.key() + "s/" + pathSegment(id), null));
        } catch (NotFound e) {
            // already gone
        }
    }
}
