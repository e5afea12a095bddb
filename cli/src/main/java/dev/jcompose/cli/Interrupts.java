package dev.jcompose.cli;

/**
 * Where Ctrl-C reaches a command. The system one listens for SIGINT; tests press it themselves.
 */
@FunctionalInterface
public interface Interrupts {
    /** Calls {@code handler} (on a thread of its own) each time the user interrupts; returns a way to stop listening. */
    AutoCloseable onInterrupt(Runnable handler);

    /** SIGINT through {@code sun.misc.Signal}, so that a first Ctrl-C can stop gracefully and a second one force. */
    static Interrupts system() {
        return handler -> {
            sun.misc.Signal sigint = new sun.misc.Signal("INT");
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(sigint, s -> new Thread(handler, "jcompose-interrupt").start());
            return () -> sun.misc.Signal.handle(sigint, previous);
        };
    }
}
