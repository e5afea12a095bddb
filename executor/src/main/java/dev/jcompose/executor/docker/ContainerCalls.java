package dev.jcompose.executor.docker;

import static dev.jcompose.executor.docker.Transport.pathSegment;

import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.docker.Transport.NotFound;
import dev.jcompose.executor.docker.Transport.NotModified;
import dev.jcompose.executor.request.ContainerRequest;
import dev.jcompose.executor.request.FileArchive;
import dev.jcompose.planner.spec.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container's life: create (with its other networks and its files), start, stop, kill, restart, pause, rename, remove. */
final class ContainerCalls {
    private final Transport transport;
    private final ResourceCalls resources;
    private final EngineInfo info;

    ContainerCalls(Transport transport, ResourceCalls resources, EngineInfo info) {
        this.transport = transport;
        this.resources = resources;
        this.info = info;
    }

    List<String> create(ContainerSpec spec) {
        ContainerRequest request;
        try {
            request = ContainerRequest.of(spec, info.apiVersion());
        } catch (IllegalArgumentException e) {
            throw new EngineException("create container " + spec.name() + ": " + e.getMessage());
        }
        String query = "/containers/create?name=" + pathSegment(spec.name())
                + (request.platform() == null ? "" : "&platform=" + pathSegment(request.platform()));
        Object created = transport.call("create container " + spec.name(), () -> transport.send(Method.POST, query, request.body()));
        String id = EngineJson.string(created, "Id");
        try {
            for (Map.Entry<String, Map<String, Object>> other : request.others().entrySet()) {
                transport.call("connect " + spec.name() + " to network " + other.getKey(), () -> {
                    transport.post("/networks/" + pathSegment(other.getKey()) + "/connect", Map.of("Container", id, "EndpointConfig", other.getValue()));
                    return null;
                });
            }
            if (!spec.files().isEmpty()) {
                byte[] archive = FileArchive.of(spec.files());
                transport.call("copy configs and secrets into " + spec.name(), () -> {
                    transport.sendBytes(Method.PUT, "/containers/" + pathSegment(id) + "/archive?path=%2F", archive);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            // a container without its networks or files would look finished to the next up (its config hash matches):
            // it goes, as docker compose removes one whose network connection failed
            try {
                remove(id, false);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        List<String> warnings = new ArrayList<>(request.warnings());
        for (String w : EngineJson.strings(created, "Warnings")) warnings.add(spec.name() + ": " + w);
        return warnings;
    }

    void start(String name) {
        try {
            transport.call("start container " + name, () -> {
                transport.post("/containers/" + pathSegment(name) + "/start", null);
                return null;
            });
        } catch (NotModified e) {
            // already running
        }
    }

    void stop(String name, int timeoutSeconds) {
        try {
            transport.stopping("stop container " + name, grace(name, timeoutSeconds), () -> {
                transport.post("/containers/" + pathSegment(name) + "/stop" + timeout(timeoutSeconds), null);
                return null;
            });
        } catch (NotModified | NotFound e) {
            // already stopped, or gone
        }
    }

    void remove(String name, boolean removeVolumes) {
        try {
            transport.call("remove container " + name, () -> {
                transport.send(Method.DELETE, "/containers/" + pathSegment(name) + "?force=1&v=" + (removeVolumes ? 1 : 0), null);
                return null;
            });
        } catch (NotFound e) {
            // already gone
        } catch (EngineException e) {
            if (!EngineMessages.isRemovalInProgress(e)) throw e;
            awaitGone(name, e);
        }
    }

    /** How long a removal that met another one under way waits for the container to be gone. */
    private static final long REMOVAL_MILLIS = 10_000;

    /**
     * Waits until the other removal has removed the container (its inspect answers 404): until then it holds its
     * network endpoints and volumes, which the command's next steps remove.
     */
    private void awaitGone(String name, EngineException inProgress) {
        long deadline = System.nanoTime() + REMOVAL_MILLIS * 1_000_000;
        for (long pause = 50; ; pause = Math.min(pause * 2, 500)) {
            try {
                transport.call("inspect container " + name, () -> transport.get("/containers/" + pathSegment(name) + "/json"));
            } catch (NotFound gone) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new EngineException(inProgress.getMessage() + " (and it still was after " + REMOVAL_MILLIS / 1000 + " s)", inProgress);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("remove container " + name + ": interrupted while another removal of it was under way", e);
            }
        }
    }

    void kill(String name, String signal) {
        transport.call("kill container " + name, () -> {
            transport.post("/containers/" + pathSegment(name) + "/kill?signal=" + pathSegment(signal), null);
            return null;
        });
    }

    void rename(String from, String to) {
        transport.call("rename container " + from + " to " + to, () -> {
            transport.post("/containers/" + pathSegment(from) + "/rename?name=" + pathSegment(to), null);
            return null;
        });
    }

    void pause(String name) {
        transport.call("pause container " + name, () -> {
            transport.post("/containers/" + pathSegment(name) + "/pause", null);
            return null;
        });
    }

    void unpause(String name) {
        transport.call("unpause container " + name, () -> {
            transport.post("/containers/" + pathSegment(name) + "/unpause", null);
            return null;
        });
    }

    void restart(String name, int timeoutSeconds) {
        transport.stopping("restart container " + name, grace(name, timeoutSeconds), () -> {
            transport.post("/containers/" + pathSegment(name) + "/restart" + timeout(timeoutSeconds), null);
            return null;
        });
    }

    /**
     * How long the engine gives the container to stop: {@code timeoutSeconds}, or for a negative one the container's
     * own {@code StopTimeout} (stop_grace_period), which the engine's default of 10 s stands in for when unset.
     * The stop's answer comes after it, so the call's limit is that much longer.
     */
    private int grace(String name, int timeoutSeconds) {
        if (timeoutSeconds >= 0) return timeoutSeconds;
        try {
            Object inspected = transport.call("inspect container " + name, () -> transport.get("/containers/" + pathSegment(name) + "/json"));
            Object own = EngineJson.field(EngineJson.field(inspected, "Config"), "StopTimeout");
            return own instanceof Number n ? n.intValue() : ENGINE_STOP_TIMEOUT;
        } catch (NotFound e) {
            return ENGINE_STOP_TIMEOUT; // the stop finds it gone too
        }
    }

    /** The engine's grace period for a container created without one. */
    private static final int ENGINE_STOP_TIMEOUT = 10;

    /** {@code ?t=N}, or nothing for a negative timeout: the engine then takes the container's own (stop_grace_period). */
    private static String timeout(int seconds) {
        return seconds < 0 ? "" : "?t=" + seconds;
    }
}
