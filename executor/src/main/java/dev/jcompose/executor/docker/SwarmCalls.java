package dev.jcompose.executor.docker;

import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.NotSwarmManagerException;
import dev.jcompose.executor.SwarmInfo;
import java.util.Map;
import java.util.function.Supplier;

/** The calls on the swarm itself: what the engine says of it, init and leave. */
final class SwarmCalls {
    private final Transport transport;
    private final EngineInfo info;

    SwarmCalls(Transport transport, EngineInfo info) {
        this.transport = transport;
        this.info = info;
    }

    SwarmInfo info() {
        Object swarm = EngineJson.field(transport.call("read the engine's swarm state", () -> transport.get("/info")), "Swarm");
        return new SwarmInfo(EngineJson.string(swarm, "NodeID"), EngineJson.string(swarm, "LocalNodeState"),
                Boolean.TRUE.equals(EngineJson.field(swarm, "ControlAvailable")), EngineJson.string(swarm, "Error"));
    }

    /** {@code POST /swarm/init}, listening where it advertises; returns the new node's id. */
    String init(String advertiseAddress) {
        Map<String, Object> body = Map.of("ListenAddr", advertiseAddress + ":2377", "AdvertiseAddr", advertiseAddress);
        return String.valueOf(transport.call("init a swarm", () -> transport.send(Method.POST, "/swarm/init", body)));
    }

    void leave(boolean force) {
        transport.call("leave the swarm", () -> transport.send(Method.POST, "/swarm/leave?force=" + force, null));
    }

    /**
     * One call that needs a manager: the engine's refusal ("This node is not a swarm manager...") becomes
     * {@link NotSwarmManagerException}, which says what to do.
     */
    <T> T managerCall(String what, Supplier<T> call) {
        try {
            return transport.call(what, call);
        } catch (EngineException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("not a swarm manager") || m.contains("not part of a swarm")) {
                throw new NotSwarmManagerException(info.host() + " says: " + m.substring(Math.min(m.length(), what.length() + 2)));
            }
            throw e;
        }
    }
}
