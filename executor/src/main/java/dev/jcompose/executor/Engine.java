package dev.jcompose.executor;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The only way to the container engine. One method is one engine call (create-container also connects the
 * extra networks). Failures are {@link EngineException}s with the engine's own message;
 * {@link EngineUnavailableException} when the engine cannot be reached at all.
 */
public interface Engine extends AutoCloseable {
    /** What answers: the engine's version and the API version agreed on. */
    EngineInfo info();

    /** Every container of the project, whatever its state (label filter {@code com.docker.compose.project}). */
    List<ObservedContainer> containers(String project);

    List<ObservedNetwork> networks();

    /** The volumes labelled as the project's. */
    List<ObservedVolume> volumes(String project);

    Optional<ObservedVolume> volume(String name);

    /** The image a reference (name or id) names, or empty when the engine has no such image. */
    Optional<dev.jcompose.planner.observed.ObservedImage> image(String reference);

    /** The id of the image the reference names, or empty when the engine has no such image. */
    default Optional<String> imageId(String reference) {
        return image(reference).map(dev.jcompose.planner.observed.ObservedImage::id);
    }

    default boolean imageExists(String reference) {
        return imageId(reference).isPresent();
    }

    /** Pulls an image; {@code platform} ({@code linux/arm64}) picks one of a multi-platform image, null the engine's own. */
    void pullImage(String reference, String platform);

    default void pullImage(String reference) {
        pullImage(reference, null);
    }

    /** Pushes an image to the registry its name points at. */
    void pushImage(String reference);

    /**
     * Gives an image (by name or id) one more name, {@code repository:tag} ({@code POST /images/{name}/tag}): deploy
     * names a built image by its content. An engine that cannot says so.
     */
    default void tagImage(String image, String repository, String tag) {
        throw new UnsupportedOperationException("this engine cannot tag images");
    }

    /**
     * Builds an image from a context tar stream, read as the engine consumes it, and returns the new image's id.
     * The engine tags it with every one of the spec's tags only when all steps succeeded. A failing step is a
     * {@link BuildFailedException} naming the step.
     *
     * @param dockerfile the Dockerfile's path inside the context
     * @param output     the builder's output, line by line, as it comes
     */
    String buildImage(dev.jcompose.planner.spec.BuildSpec spec, String dockerfile, InputStream context,
                      Consumer<String> output);

    /** The images labelled with the project's name (dangling ones included). */
    List<dev.jcompose.planner.observed.ObservedImage> images(String project);

    /** Removes a name (the image goes with its last name) or, by id, an image; one a container uses is refused. */
    void removeImage(String reference);

    /**
     * Writes the image a reference names, with its tag, as a {@code docker save} tar to {@code out}, as the engine
     * sends it ({@code GET /images/{name}/get}); nothing is held in memory. No such image is an {@link EngineException}.
     * {@link ImageCopy} streams one engine's image into another.
     */
    void saveImage(String reference, OutputStream out);

    /**
     * Loads a {@code docker save} tar read from {@code tar} as the engine consumes it ({@code POST /images/load});
     * returns what the engine says it loaded ({@code Loaded image: jcompose/busybox:latest}, or the id of an
     * untagged one). A tar the engine refuses is an {@link EngineException} with its message.
     */
    List<String> loadImage(InputStream tar);

    void createNetwork(NetworkSpec spec);

    void removeNetwork(String name);

    /** Connects a container (running or not) to a network, with its aliases and fixed address. */
    void connectNetwork(String network, String container, dev.jcompose.planner.spec.ContainerSpec.NetworkAttachment attachment);

    /** Disconnects a container from a network; one not connected is no error. */
    void disconnectNetwork(String network, String container);

    void createVolume(VolumeSpec spec);

    void removeVolume(String name);

    /**
     * Creates the container, connects its other networks and writes its files; returns what of the spec the engine
     * could not carry (for the person to read), empty when everything was.
     */
    List<String> createContainer(ContainerSpec spec);

    void startContainer(String name);

    void stopContainer(String name, int timeoutSeconds);

    void removeContainer(String name, boolean removeVolumes);

    /** Sends a signal to a running container's main process: a name ({@code SIGTERM}, {@code TERM}) or a number. */
    void killContainer(String name, String signal);

    void renameContainer(String from, String to);

    void pauseContainer(String name);

    void unpauseContainer(String name);

    /** Every container any compose project made on this engine (label {@code com.docker.compose.project} set). */
    List<ObservedContainer> allProjectContainers();

    /** Restarts a container in place (a stopped one is started). */
    void restartContainer(String name, int timeoutSeconds);

    /**
     * Streams the part of a container's log that {@code options} names (stdout and stderr, each line saying which)
     * line by line to {@code lines}, on a thread of the engine's. The handle ends when that part has been delivered: at once for a
     * log that is not followed, when the container stops for one that is, or when the handle is closed.
     */
    LogFollower logs(String container, LogOptions options, Consumer<LogLine> lines);

    /** The whole of a container's output from its start, followed until it stops (attached {@code up}). */
    default LogFollower followLogs(String container, Consumer<String> lines) {
        return logs(container, LogOptions.FOLLOW_ALL, line -> lines.accept(line.text()));
    }

    /**
     * Runs a command in a running container and returns its exit code (0 at once when detached). Output goes to the
     * consumers as it comes; with {@code stdin} non-null, what it yields is the command's input until it ends.
     */
    int exec(String container, ExecSpec spec, InputStream stdin, Consumer<byte[]> stdout,
             Consumer<byte[]> stderr);

    /**
     * Attaches to a container's output (and, with {@code stdin} non-null, its input) before it starts, so that
     * nothing it prints or reads is missed; returns once attached. The handle ends when the container stops.
     */
    LogFollower attach(String container, boolean tty, InputStream stdin, Consumer<byte[]> stdout,
                       Consumer<byte[]> stderr);

    /** The container's state, health and exit code now. */
    ContainerStatus inspect(String container);

    /** The processes running in a container ({@code GET /containers/{id}/top}); one that is not running is an error. */
    ContainerProcesses top(String container);

    /** Sets the size of a running container's TTY (its programs then draw for a window of that size). */
    void resizeContainer(String container, TerminalSize size);

    /** Blocks until the container stops and returns its exit code. */
    int waitContainer(String container);

    /** What is at a path in the container ({@code HEAD /containers/{id}/archive}), or empty when nothing is. */
    Optional<ContainerPath> statPath(String container, String path);

    /**
     * A tar of the path in the container ({@code GET /containers/{id}/archive}), its root entry named after the
     * path's last element, handed to {@code reader} while the call is open. Nothing there is an {@link EngineException}.
     */
    void copyFromContainer(String container, String path, ArchiveReader reader);

    /**
     * Extracts a tar stream into a folder of the container that exists ({@code PUT /containers/{id}/archive}); a
     * directory never replaces a file there nor the reverse.
     *
     * @param copyUidGid the files take the container user's owner ({@code copyUIDGID}, docker cp's {@code -a})
     */
    void copyToContainer(String container, String directory, InputStream tar, boolean copyUidGid);

    /**
     * Streams the engine's events about the project's objects (label {@code com.docker.compose.project}) from
     * {@code since} (null: from now) to {@code until} (null: until closed) to {@code events}, on a thread of the
     * engine's. The handle ends when {@code until} has passed or when it is closed.
     */
    LogFollower events(String project, Instant since, Instant until, Consumer<EngineEvent> events);

    /** One sample of a container's resource counters, with the sample before it ({@code stats?stream=false}). */
    StatsSample stats(String container);

    /** The project's volumes (label {@code com.docker.compose.project}) as the engine lists them. */
    List<VolumeSummary> volumeSummaries(String project);

    /**
     * The swarm half of the port: services, tasks, overlay networks, configs and secrets of an engine that manages a
     * swarm. An engine without one throws {@link UnsupportedOperationException}.
     */
    default SwarmEngine swarm() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no swarm half");
    }

    @Override
    void close();
}
