package dev.jcompose.executor.docker;

import dev.jcompose.executor.ArchiveReader;
import dev.jcompose.executor.ContainerPath;
import dev.jcompose.executor.ContainerProcesses;
import dev.jcompose.executor.ContainerStatus;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineEvent;
import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.EngineUnavailableException;
import dev.jcompose.executor.ExecSpec;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.StatsSample;
import dev.jcompose.executor.SwarmEngine;
import dev.jcompose.executor.TerminalSize;
import dev.jcompose.executor.VolumeSummary;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedImage;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.spec.BuildSpec;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine through docker-java and its zerodep transport; this package is the only one of jcompose that imports
 * docker-java. The API version is negotiated once ({@link EngineConnection}), then every call at the lower of the
 * engine's version and {@link #NEWEST_API}, so an engine speaking 1.41 and one refusing anything below 1.44
 * both work.
 *
 * <p>This class connects and hands each call to what holds it: {@link ObservedReads} (the engine's state as observed
 * records), {@link ResourceCalls} (networks, volumes), {@link ContainerCalls}, {@link ImageCalls}, {@link Streams}
 * (attach, logs, exec, wait), {@link ArchiveCalls} (cp) and {@link EventStream}, all over one {@link Transport}.
 */
public final class DockerJavaEngine implements Engine {
    /** The newest Engine API version jcompose has been written against. */
    public static final String NEWEST_API = "1.47";

    private final EngineConnection connection;
    private final EngineInfo info;
    private final ObservedReads reads;
    private final ResourceCalls resources;
    private final ContainerCalls containers;
    private final ImageCalls images;
    private final Streams streams;
    private final ArchiveCalls archives;
    private final Transport transport;
    private final DockerSwarmEngine swarm;

    private DockerJavaEngine(EngineConnection connection) {
        this.connection = connection;
        this.info = connection.info();
        this.transport = new Transport(connection);
        this.reads = new ObservedReads(transport);
        this.resources = new ResourceCalls(transport, reads, info);
        this.containers = new ContainerCalls(transport, resources, info);
        this.images = new ImageCalls(connection, transport);
        this.streams = new Streams(connection, transport);
        this.archives = new ArchiveCalls(transport);
        this.swarm = new DockerSwarmEngine(transport, info);
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
    public void pullImage(String reference, String platform) {
        images.pull(reference, platform);
    }

    @Override
    public void pushImage(String reference) {
        images.push(reference);
    }

    @Override
    public void tagImage(String image, String repository, String tag) {
        images.tag(image, repository, tag);
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
    public void saveImage(String reference, OutputStream out) {
        images.save(reference, out);
    }

    @Override
    public List<String> loadImage(InputStream tar) {
        return images.load(tar);
    }

    @Override
    public int exec(String container, ExecSpec spec, InputStream stdin, Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        return streams.exec(container, spec, stdin, stdout, stderr);
    }

    @Override
    public void createNetwork(NetworkSpec spec) {
        resources.createNetwork(spec);
    }

    @Override
    public void connectNetwork(String network, String container, ContainerSpec.NetworkAttachment attachment) {
        resources.connectNetwork(network, container, attachment);
    }

    @Override
    public void disconnectNetwork(String network, String container) {
        resources.disconnectNetwork(network, container);
    }

    @Override
    public void removeNetwork(String name) {
        resources.removeNetwork(name);
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        resources.createVolume(spec);
    }

    @Override
    public void removeVolume(String name) {
        resources.removeVolume(name);
    }

    @Override
    public List<String> createContainer(ContainerSpec spec) {
        return containers.create(spec);
    }

    @Override
    public void startContainer(String name) {
        containers.start(name);
    }

    @Override
    public void stopContainer(String name, int timeoutSeconds) {
        containers.stop(name, timeoutSeconds);
    }

    @Override
    public void removeContainer(String name, boolean removeVolumes) {
        containers.remove(name, removeVolumes);
    }

    @Override
    public void killContainer(String name, String signal) {
        containers.kill(name, signal);
    }

    @Override
    public void renameContainer(String from, String to) {
        containers.rename(from, to);
    }

    @Override
    public void pauseContainer(String name) {
        containers.pause(name);
    }

    @Override
    public void unpauseContainer(String name) {
        containers.unpause(name);
    }

    @Override
    public void restartContainer(String name, int timeoutSeconds) {
        containers.restart(name, timeoutSeconds);
    }

    @Override
    public LogFollower attach(String container, boolean tty, InputStream stdin, Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        return streams.attach(container, tty, stdin, stdout, stderr);
    }

    @Override
    public LogFollower logs(String container, LogOptions options, Consumer<LogLine> lines) {
        return streams.logs(container, options, lines);
    }

    @Override
    public ContainerStatus inspect(String container) {
        return reads.inspect(container);
    }

    @Override
    public ContainerProcesses top(String container) {
        return reads.top(container);
    }

    @Override
    public int waitContainer(String container) {
        return streams.waitContainer(container);
    }

    @Override
    public void resizeContainer(String container, TerminalSize size) {
        streams.resizeContainer(container, size);
    }

    @Override
    public Optional<ContainerPath> statPath(String container, String path) {
        return archives.stat(container, path);
    }

    @Override
    public void copyFromContainer(String container, String path, ArchiveReader reader) {
        archives.copyFrom(container, path, reader);
    }

    @Override
    public void copyToContainer(String container, String directory, InputStream tar, boolean copyUidGid) {
        archives.copyTo(container, directory, tar, copyUidGid);
    }

    @Override
    public LogFollower events(String project, Instant since, Instant until, Consumer<EngineEvent> events) {
        return EventStream.open(transport, project, since, until, events);
    }

    @Override
    public StatsSample stats(String container) {
        return reads.stats(container);
    }

    @Override
    public List<VolumeSummary> volumeSummaries(String project) {
        return reads.volumeSummaries(project);
    }

    @Override
    public SwarmEngine swarm() {
        return swarm;
    }

    @Override
    public void close() {
        connection.close();
    }
}
