package dev.jcompose.executor;

/** A running log stream; closing it stops following. */
public interface LogFollower extends AutoCloseable {
    @Override
    void close();
}
