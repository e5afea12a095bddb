package dev.jcompose.service.swarm;

/**
 * {@code --wait} of {@code deploy} and {@code down}: whether to wait for the stack to converge (every task running,
 * healthy or, for a job, complete; for {@code down}, every task gone), and how long at most.
 *
 * @param enabled        wait at all
 * @param timeoutSeconds how long the wait may last; 0 for no limit (stuck tasks end it earlier all the same)
 */
public record StackWait(boolean enabled, int timeoutSeconds) {
    public static final StackWait NONE = new StackWait(false, 0);

    public StackWait {
        if (timeoutSeconds < 0) throw new IllegalArgumentException("the wait timeout cannot be negative: " + timeoutSeconds);
    }

    /** {@code --wait [--wait-timeout N]}. */
    public static StackWait upTo(int timeoutSeconds) {
        return new StackWait(true, timeoutSeconds);
    }
}
