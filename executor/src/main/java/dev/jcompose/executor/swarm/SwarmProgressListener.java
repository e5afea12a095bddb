package dev.jcompose.executor.swarm;

/** Receives swarm progress events, from the thread that runs the plan, in the order they happened. */
@FunctionalInterface
public interface SwarmProgressListener {
    void on(SwarmProgressEvent event);

    SwarmProgressListener NONE = event -> { };
}
