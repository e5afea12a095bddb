package dev.jcompose.executor;

/** One line a container logged, and on which of its streams: {@code logs} prints each on the stream it came on. */
public record LogLine(Stream stream, String text) {
    /** A container's output streams. */
    public enum Stream { STDOUT, STDERR }
}
