package dev.jcompose.executor.testing;

import java.time.Duration;

/** What {@link FaultProxy} does to one request in place of passing it on faithfully. */
public sealed interface Fault {
    /** Waits this long, then passes the request on: a slow engine. */
    record Delay(Duration delay) implements Fault {}

    /** Takes the request and never answers, nor passes it on, until the client gives up: a hung engine. */
    record Hang() implements Fault {}

    /** Closes the connection once the request is read, without passing it on: the engine never saw it. */
    record DropBeforeRequest() implements Fault {}

    /**
     * Passes the request on and closes the client's connection as the answer starts: the engine did the work, the
     * client never hears of it.
     */
    record DropAfterRequest() implements Fault {}

    /** Passes on the first {@code bytes} of the answer (head included), then closes: a connection lost mid-answer. */
    record Truncate(long bytes) implements Fault {
        public Truncate {
            if (bytes < 0) throw new IllegalArgumentException("bytes must be at least 0");
        }
    }

    /** Passes on the answer's head and the first {@code bytes} of its body, then closes: an answer lost mid-body. */
    record TruncateBody(long bytes) implements Fault {
        public TruncateBody {
            if (bytes < 0) throw new IllegalArgumentException("bytes must be at least 0");
        }
    }

    /** Answers bytes that are not HTTP, without passing the request on. */
    record Garbage() implements Fault {}

    /** The text {@link Garbage} answers with. */
    String GARBAGE = "\u0000\u0001 this is not HTTP \u00ff\r\n\r\n";
}
