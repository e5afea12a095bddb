package dev.jcompose.executor;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import java.util.List;
import java.util.Optional;

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

    boolean imageExists(String reference);

    void pullImage(String reference);

    void createNetwork(NetworkSpec spec);

    void removeNetwork(String name);

    void createVolume(VolumeSpec spec);

    void removeVolume(String name);

    void createContainer(ContainerSpec spec);

    void startContainer(String name);

    void stopContainer(String name, int timeoutSeconds);

    void removeContainer(String name, boolean removeVolumes);

    void renameContainer(String from, String to);

    void pauseContainer(String name);

    void unpauseContainer(String name);

    /** Every container any compose project made on this engine (label {@code com.docker.compose.project} set). */
    List<ObservedContainer> allProjectContainers();

    /** Restarts a container in place (a stopped one is started). */
    void restartContainer(String name, int timeoutSeconds);

    /**
     * Streams a container's output (stdout and stderr, from its start) line by line to {@code lines}, on a thread
     * of the engine's, until the container stops or the returned handle is closed.
     */
    LogFollower followLogs(String container, java.util.function.Consumer<String> lines);

    /** The container's state, health and exit code now. */
    ContainerStatus inspect(String container);

    /** Blocks until the container stops and returns its exit code. */
    int waitContainer(String container);

    @Override
    void close();
}
