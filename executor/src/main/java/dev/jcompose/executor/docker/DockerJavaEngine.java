package dev.jcompose.executor.docker;

import static dev.jcompose.executor.docker.Transport.pathSegment;

import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import dev.jcompose.executor.ContainerStatus;
import dev.jcompose.executor.docker.Transport.NotFound;
import dev.jcompose.executor.docker.Transport.NotModified;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.EngineUnavailableException;
import dev.jcompose.executor.ExecSpec;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.request.ContainerRequest;
import dev.jcompose.executor.request.Endpoints;
import dev.jcompose.executor.request.FileArchive;
import dev.jcompose.executor.request.ResourceRequests;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedImage;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.spec.BuildSpec;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The engine through docker-java and its zerodep transport; this package is the only one of jcompose that imports
 * docker-java. The API version is negotiated once ({@link EngineConnection}), then every call at the lower of the
 * engine's version and {@link #NEWEST_API}, so an engine speaking 1.41 and one refusing anything below 1.44
 * both work.
 */
public final class DockerJavaEngine implements Engine {
    /** The newest Engine API version jcompose has been written against. */
    public static final String NEWEST_API = "1.47";

    private final EngineConnection connection;
    private final Transport transport;
    private final ObservedReads reads;
    private final Streams streams;
    private final ImageCalls images;
    private final EngineInfo info;

    private DockerJavaEngine(EngineConnection connection) {
        this.connection = connection;
        this.info = connection.info();
        this.transport = new Transport(connection.http(), info);
        this.reads = new ObservedReads(transport);
        this.streams = new Streams(connection, transport);
        this.images = new ImageCalls(connection, transport);
    }

    /** Connects and negotiates; throws {@link EngineUnavailableException} when nothing answers. */
    public static DockerJavaEngine connect(Map<String, String> env) {
        return new DockerJavaEngine(EngineConnection.open(env, NEWEST_API));
    }

    @Override
    public EngineInfo info() {
        return info;
    }

    @Override
    public List<ObservedContainer> containers(String project) {
        return reads.containers(project);
    }

    @Override
    public List<ObservedContainer> allProjectContainers() {
        return reads.allProjectContainers();
    }

    @Override
    public List<ObservedNetwork> networks() {
        return reads.networks();
    }

    @Override
    public List<ObservedVolume> volumes(String project) {
        return reads.volumes(project);
    }

    @Override
    public Optional<ObservedVolume> volume(String name) {
        return reads.volume(name);
    }

    @Override
    public Optional<ObservedImage> image(String reference) {
        return reads.image(reference);
    }

    @Override
    public List<ObservedImage> images(String project) {
        return reads.images(project);
    }

    @Override
    public void pullImage(String reference) {
        images.pull(reference);
    }

    @Override
    public void pushImage(String reference) {
        images.push(reference);
    }

    @Override
    public String buildImage(BuildSpec spec, String dockerfile, InputStream context, Consumer<String> output) {
        return images.build(spec, dockerfile, context, output);
    }

    @Override
    public void removeImage(String reference) {
        images.remove(reference);
    }

    @Override
    public int exec(String container, ExecSpec spec, InputStream stdin, Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        return streams.exec(container, spec, stdin, stdout, stderr);
    }

    @Override
    public void createNetwork(NetworkSpec spec) {
        Map<String, Object> body = ResourceRequests.network(spec);
        transport.call("create network " + spec.name(), () -> {
            transport.post("/networks/create", body);
            return null;
        });
    }

    @Override
    public void connectNetwork(String network, String container, ContainerSpec.NetworkAttachment attachment) {
        transport.call("connect " + container + " to network " + network, () -> {
            transport.post("/networks/" + pathSegment(network) + "/connect", Endpoints.connect(container, attachment, info.apiVersion()));
            return null;
        });
    }

    @Override
    public void disconnectNetwork(String network, String container) {
        try {
            transport.call("disconnect " + container + " from network " + network, () -> {
                transport.post("/networks/" + pathSegment(network) + "/disconnect", Map.of("Container", container, "Force", true));
                return null;
            });
        } catch (NotFound e) {
            // not connected, or already gone: what the disconnect wanted
        }
    }

    /** How long a network removal waits for the engine to let go of the endpoints of containers just removed. */
    private static final long ENDPOINT_RELEASE_MILLIS = 3000;

    @Override
    public void removeNetwork(String name) {
        long deadline = System.nanoTime() + ENDPOINT_RELEASE_MILLIS * 1_000_000;
        for (long pause = 50; ; pause = Math.min(pause * 2, 500)) {
            try {
                transport.call("remove network " + name, () -> transport.send(Method.DELETE, "/networks/" + pathSegment(name), null));
                return;
            } catch (NotFound e) {
                return; // already gone: what down wanted
            } catch (EngineException e) {
                if (!String.valueOf(e.getMessage()).contains("has active endpoints")) throw e;
                // The engine releases a removed container's endpoint after the removal has answered (moby#42119):
                // a down that removes containers and then their network meets this now and then. Asked again a
                // moment later, it succeeds; while containers that were not removed stay attached, it never will.
                List<String> attached = reads.attachedContainers(name);
                if (!attached.isEmpty()) throw new dev.jcompose.executor.NetworkInUseException(name, attached);
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

    @Override
    public void createVolume(VolumeSpec spec) {
        Map<String, Object> body = ResourceRequests.volume(spec);
        transport.call("create volume " + spec.name(), () -> {
            transport.post("/volumes/create", body);
            return null;
        });
    }

    @Override
    public void removeVolume(String name) {
        try {
            transport.call("remove volume " + name, () -> {
                transport.send(Method.DELETE, "/volumes/" + pathSegment(name), null);
                return null;
            });
        } catch (NotFound e) {
            // already gone
        }
    }

    @Override
    public List<String> createContainer(ContainerSpec spec) {
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
        boolean first = true;
        for (Map.Entry<String, ContainerSpec.NetworkAttachment> n : spec.networks().entrySet()) {
            if (first) {
                first = false;
                continue;
            }
            connectNetwork(n.getKey(), id, n.getValue());
        }
        if (!spec.files().isEmpty()) {
            byte[] archive = FileArchive.of(spec.files());
            transport.call("copy configs and secrets into " + spec.name(), () -> {
                transport.sendBytes(Method.PUT, "/containers/" + pathSegment(id) + "/archive?path=%2F", archive);
                return null;
            });
        }
        List<String> warnings = new ArrayList<>(request.warnings());
        for (String w : EngineJson.strings(created, "Warnings")) warnings.add(spec.name() + ": " + w);
        return warnings;
    }

    @Override
    public void startContainer(String name) {
        try {
            transport.call("start container " + name, () -> {
                transport.post("/containers/" + pathSegment(name) + "/start", null);
                return null;
            });
        } catch (NotModified e) {
            // already running
        }
    }

    @Override
    public void stopContainer(String name, int timeoutSeconds) {
        try {
            transport.call("stop container " + name, () -> {
                transport.post("/containers/" + pathSegment(name) + "/stop?t=" + timeoutSeconds, null);
                return null;
            });
        } catch (NotModified | NotFound e) {
            // already stopped, or gone
        }
    }

    @Override
    public void removeContainer(String name, boolean removeVolumes) {
        try {
            transport.call("remove container " + name, () -> {
                transport.send(Method.DELETE, "/containers/" + pathSegment(name) + "?force=1&v=" + (removeVolumes ? 1 : 0), null);
                return null;
            });
        } catch (NotFound e) {
            // already gone
        }
    }

    @Override
    public void renameContainer(String from, String to) {
        transport.call("rename container " + from + " to " + to, () -> {
            transport.post("/containers/" + pathSegment(from) + "/rename?name=" + pathSegment(to), null);
            return null;
        });
    }

    @Override
    public void pauseContainer(String name) {
        transport.call("pause container " + name, () -> {
            transport.post("/containers/" + pathSegment(name) + "/pause", null);
            return null;
        });
    }

    @Override
    public void unpauseContainer(String name) {
        transport.call("unpause container " + name, () -> {
            transport.post("/containers/" + pathSegment(name) + "/unpause", null);
            return null;
        });
    }

    @Override
    public void restartContainer(String name, int timeoutSeconds) {
        transport.call("restart container " + name, () -> {
            transport.post("/containers/" + pathSegment(name) + "/restart?t=" + timeoutSeconds, null);
            return null;
        });
    }

    @Override
    public LogFollower attach(String container, boolean tty, InputStream stdin, Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        return streams.attach(container, tty, stdin, stdout, stderr);
    }

    @Override
    public LogFollower followLogs(String container, Consumer<String> lines) {
        return streams.followLogs(container, lines);
    }

    @Override
    public ContainerStatus inspect(String container) {
        return reads.inspect(container);
    }

    @Override
    public int waitContainer(String container) {
        return streams.waitContainer(container);
    }

    @Override
    public void close() {
        connection.close();
    }

    private static TreeMap<String, String> labels(Map<String, String> labels) {
        return labels == null ? new TreeMap<>() : new TreeMap<>(labels);
    }
}
