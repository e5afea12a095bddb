package dev.jcompose.api;

/**
 * A stack could not be loaded, brought up or taken down. The message says why in the words {@code jcompose}'s
 * command line uses, and, when containers failed or stayed unhealthy, ends with their last log lines.
 */
public class ComposeStackException extends RuntimeException {
    public ComposeStackException(String message) {
        super(message);
    }

    public ComposeStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
