package dev.jcompose.executor;

/** A running log stream; closing it stops following. */
public interface LogFollower extends AutoCloseable {
    /** Waits until the stream has delivered everything (the container stopped), at most {@code millis}. */
    void awaitEnd(long millis);

    @Override
    void close();
}
