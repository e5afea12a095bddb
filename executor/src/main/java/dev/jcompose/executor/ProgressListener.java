package dev.jcompose.executor;

/** Receives progress events, always from one thread, in the order they happened. */
@FunctionalInterface
public interface ProgressListener {
    void on(ProgressEvent event);

    ProgressListener NONE = event -> { };
}
