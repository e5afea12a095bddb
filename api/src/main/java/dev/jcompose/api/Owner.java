package dev.jcompose.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The process that made a stack, as a label on its containers: {@code host/pid/start}. A stack whose owner is on this
 * host and no longer alive (a JVM killed in the middle of a test run) is left-over and may be swept.
 *
 * @param startMillis the process's start time, so a pid the OS has reused for another process is not taken for it
 */
record Owner(String host, long pid, long startMillis) {
    /** The label that names a stack's owner. */
    static final String LABEL = "dev.jcompose.stack.owner";

    static Owner current(String host) {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(host, self.pid(), self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    String label() {
        return host + "/" + pid + "/" + startMillis;
    }

    static Optional<Owner> parse(String label) {
        String[] parts = label == null ? new String[0] : label.split("/");
        if (parts.length != 3) return Optional.empty();
        try {
            return Optional.of(new Owner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this owner, on {@code thisHost}, is a process that still runs (another host's owners always count as alive). */
    boolean alive(String thisHost) {
        if (!host.equals(thisHost)) return true;
        return ProcessHandle.of(pid)
                .map(p -> startMillis == 0 || p.info().startInstant().map(i -> i.toEpochMilli() == startMillis).orElse(true))
                .orElse(false);
    }
}
