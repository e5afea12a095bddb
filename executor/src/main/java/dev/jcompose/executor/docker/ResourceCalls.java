package dev.jcompose.executor.docker;

import static dev.jcompose.executor.docker.Transport.pathSegment;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.NetworkInUseException;
import dev.jcompose.executor.docker.Transport.NotFound;
import dev.jcompose.executor.request.Endpoints;
import dev.jcompose.executor.request.ResourceRequests;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import java.util.List;
import java.util.Map;

/** The calls on networks and volumes: create, connect and disconnect a container, remove. */
final class ResourceCalls {
    /** How long a network removal waits for the engine to let go of the endpoints of containers just removed. */
    private static final long ENDPOINT_RELEASE_MILLIS = 3000;
    private static final int HTTP_CONFLICT = 409;

    private final Transport transport;
    private final ObservedReads reads;
    private final EngineInfo info;

    ResourceCalls(Transport transport, ObservedReads reads, EngineInfo info) {
        this.transport = transport;
        this.reads = reads;
        this.info = info;
    }

    void createNetwork(NetworkSpec spec) {
        Map<String, Object> body = ResourceRequests.network(spec);
        try {
            transport.call("create network " + spec.name(), () -> {
                transport.post("/networks/create", body);
                return null;
            });
        } catch (EngineException e) {
            // 409: another command (another project naming the same network) made it since the state was read; it is
            // there, which is what this call wanted, as docker compose takes it
            if (!(e.getCause() instanceof DockerException d && d.getHttpStatus() == HTTP_CONFLICT)) throw e;
        }
    }

    void connectNetwork(String network, String container, ContainerSpec.NetworkAttachment attachment) {
        transport.call("connect " + container + " to network " + network, () -> {
            transport.post("/networks/" + pathSegment(network) + "/connect", Endpoints.connect(container, attachment, info.apiVersion()));
            return null;
        });
    }

    void disconnectNetwork(String network, String container) {
        try {
            transport.call("disconnect " + container + " from network " + network, () -> {
                transport.post("/networks/" + pathSegment(network) + "/disconnect", Map.of("Container", container, "Force", true));
                return null;
            });
        } catch (NotFound e) {
            // not connected, or already gone: what the disconnect wanted
        }
    }

    void removeNetwork(String name) {
        long deadline = System.nanoTime() + ENDPOINT_RELEASE_MILLIS * 1_000_000;
        for (long pause = 50; ; pause = Math.min(pause * 2, 500)) {
            try {
                transport.call("remove network " + name, () -> transport.send(Method.DELETE, "/networks/" + pathSegment(name), null));
                return;
            } catch (NotFound e) {
                return; // already gone: what down wanted
            } catch (EngineException e) {
                if (EngineMessages.isNetworkGone(e)) return; // a swarm-scoped network let go meanwhile: gone too
                if (!String.valueOf(e.getMessage()).contains("has active endpoints")) throw e;
                // The engine releases a removed container's endpoint after the removal has answered (moby#42119):
                // a down that removes containers and then their network meets this now and then. Asked again a
                // moment later, it succeeds; while containers that were not removed stay attached, it never will.
                List<String> attached = reads.attachedContainers(name);
                if (!attached.isEmpty()) throw new NetworkInUseException(name, attached);
                if (System.nanoTime() > deadline) {
                    throw new EngineException(e.getMessage() + " (no container is attached to it any more: the engine kept"
                            + " their endpoints, which restarting the Docker engine clears)", e);
                }
                sleep(pause);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted");
        }
    }

    void createVolume(VolumeSpec spec) {
        Map<String, Object> body = ResourceRequests.volume(spec);
        transport.call("create volume " + spec.name(), () -> {
            transport.post("/volumes/create", body);
            return null;
        });
    }

    void removeVolume(String name) {
        try {
            transport.call("remove volume " + name, () -> {
                transport.send(Method.DELETE, "/volumes/" + pathSegment(name), null);
                return null;
            });
        } catch (NotFound e) {
            // already gone
        }
    }
}
