package dev.jcompose.executor.testing;

import dev.jcompose.executor.ArchiveReader;
import dev.jcompose.executor.ContainerPath;
import dev.jcompose.executor.ContainerProcesses;
import dev.jcompose.executor.ContainerStatus;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineEvent;
import dev.jcompose.executor.EngineInfo;
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
import java.util.Optional;
import java.util.function.Consumer;

/** An engine that passes every call on, for tests that override one or two. */
public class ForwardingEngine implements Engine {
    private final Engine inner;

    public ForwardingEngine(Engine inner) {
        this.inner = inner;
    }

    public EngineInfo info() { return inner.info(); }
    public List<ObservedContainer> containers(String project) { return inner.containers(project); }
    public List<ObservedNetwork> networks() { return inner.networks(); }
    public List<ObservedVolume> volumes(String project) { return inner.volumes(project); }
    public Optional<ObservedVolume> volume(String name) { return inner.volume(name); }
    public Optional<ObservedImage> image(String reference) { return inner.image(reference); }
    public void pullImage(String reference, String platform) { inner.pullImage(reference, platform); }
    public void pushImage(String reference) { inner.pushImage(reference); }

    @Override
    public void tagImage(String image, String repository, String tag) { inner.tagImage(image, repository, tag); }
    public String buildImage(BuildSpec spec, String dockerfile, InputStream context,
                             Consumer<String> output) { return inner.buildImage(spec, dockerfile, context, output); }
    public List<ObservedImage> images(String project) { return inner.images(project); }
    public void removeImage(String reference) { inner.removeImage(reference); }
    public void saveImage(String reference, OutputStream out) { inner.saveImage(reference, out); }
    public List<String> loadImage(InputStream tar) { return inner.loadImage(tar); }
    public LogFollower attach(String container, boolean tty, InputStream stdin, Consumer<byte[]> stdout,
                              Consumer<byte[]> stderr) { return inner.attach(container, tty, stdin, stdout, stderr); }
    public void connectNetwork(String network, String container, ContainerSpec.NetworkAttachment attachment) { inner.connectNetwork(network, container, attachment); }
    public void disconnectNetwork(String network, String container) { inner.disconnectNetwork(network, container); }
    public int exec(String container, ExecSpec spec, InputStream stdin,
                    Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        return inner.exec(container, spec, stdin, stdout, stderr);
    }
    public void createNetwork(NetworkSpec spec) { inner.createNetwork(spec); }
    public void removeNetwork(String name) { inner.removeNetwork(name); }
    public void createVolume(VolumeSpec spec) { inner.createVolume(spec); }
    public void removeVolume(String name) { inner.removeVolume(name); }
    public List<String> createContainer(ContainerSpec spec) { return inner.createContainer(spec); }
    public void startContainer(String name) { inner.startContainer(name); }
    public void stopContainer(String name, int timeoutSeconds) { inner.stopContainer(name, timeoutSeconds); }
    public void removeContainer(String name, boolean removeVolumes) { inner.removeContainer(name, removeVolumes); }
    public void killContainer(String name, String signal) { inner.killContainer(name, signal); }
    public LogFollower logs(String container, LogOptions options, Consumer<LogLine> lines) {
        return inner.logs(container, options, lines);
    }
    public int waitContainer(String container) { return inner.waitContainer(container); }

    @Override
    public void resizeContainer(String container, TerminalSize size) { inner.resizeContainer(container, size); }
    public ContainerStatus inspect(String container) { return inner.inspect(container); }
    public ContainerProcesses top(String container) { return inner.top(container); }
    public void restartContainer(String name, int timeoutSeconds) { inner.restartContainer(name, timeoutSeconds); }
    public void renameContainer(String from, String to) { inner.renameContainer(from, to); }
    public void pauseContainer(String name) { inner.pauseContainer(name); }
    public void unpauseContainer(String name) { inner.unpauseContainer(name); }
    public List<ObservedContainer> allProjectContainers() { return inner.allProjectContainers(); }
    public Optional<ContainerPath> statPath(String container, String path) { return inner.statPath(container, path); }
    public void copyFromContainer(String container, String path, ArchiveReader reader) { inner.copyFromContainer(container, path, reader); }
    public void copyToContainer(String container, String directory, InputStream tar, boolean copyUidGid) {
        inner.copyToContainer(container, directory, tar, copyUidGid);
    }
    public LogFollower events(String project, Instant since, Instant until, Consumer<EngineEvent> events) {
        return inner.events(project, since, until, events);
    }
    public StatsSample stats(String container) { return inner.stats(container); }
    public List<VolumeSummary> volumeSummaries(String project) { return inner.volumeSummaries(project); }
    public SwarmEngine swarm() { return inner.swarm(); }
    public void close() { inner.close(); }
}
