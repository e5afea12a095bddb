package dev.jcompose.executor;

import java.util.function.Consumer;

/**
 * What a wait that lasts says while it waits, as a step's output line: once it has lasted {@link #EVERY_NANOS}, the
 * container's state when it changes and again every {@link #EVERY_NANOS}, with how long the wait has lasted ({@code health: starting, 41 s}), so that a
 * person sees what an {@code up} waits for rather than a silent terminal.
 */
final class WaitReport {
    static final long EVERY_NANOS = 10_000_000_000L;

    private final Consumer<String> output;
    private final long started = System.nanoTime();
    private long lastTold;
    private String lastStatus;

    WaitReport(Consumer<String> output) {
        this.output = output;
    }

    void status(ContainerStatus s) {
        long now = System.nanoTime();
        String status = describe(s);
        // nothing in the first seconds: most waits end at once, and a line for each would be noise
        if (now - started < EVERY_NANOS) return;
        if (status.equals(lastStatus) && now - lastTold < EVERY_NANOS) return;
        lastStatus = status;
        lastTold = now;
        output.accept(status + ", " + (now - started) / 1_000_000_000L + " s");
    }

    /** {@code health: starting}, {@code running}, {@code exited (3)}: the state a wait is in, in a few words. */
    static String describe(ContainerStatus s) {
        if (s.exited()) return "exited (" + s.exitCode() + ")";
        if (s.health() != null) return "health: " + s.health();
        return s.state();
    }
}
