package dev.jcompose.executor.swarm;

import java.time.Duration;
import java.util.Objects;

/**
 * When a wait on tasks stops before it passed.
 *
 * @param timeout      the longest a wait on one service lasts ({@code --wait-timeout}), or null for no limit
 * @param pendingGrace how long a task may stay {@code pending} (no node for it, or none with its image) before the wait
 *                     fails with the scheduler's reason; a scheduler that places a task does so in well under a second
 * @param failures     how many tasks of the service's current spec may fail or be rejected before the wait stops
 *                     (one failure may be a task the engine restarts fine)
 * @param poll         the pause between two looks at the tasks
 * @param monitor      how long the tasks of a service this deploy created or updated must stay converged before a
 *                     convergence wait passes, when its {@code update_config.monitor} does not say (the engine's
 *                     default, 5 s): a task that starts and then fails is caught, as {@code docker stack deploy
 *                     --detach=false} catches it
 */
public record WaitLimits(Duration timeout, Duration pendingGrace, int failures, Duration poll, Duration monitor) {
    public static final WaitLimits DEFAULT = new WaitLimits(null, Duration.ofSeconds(5), 2, Duration.ofMillis(250), Duration.ofSeconds(5));

    public WaitLimits {
        Objects.requireNonNull(pendingGrace, "pendingGrace");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(monitor, "monitor");
        if (failures < 1) throw new IllegalArgumentException("failures must be at least 1: " + failures);
    }

    public WaitLimits withTimeout(Duration newTimeout) {
        return new WaitLimits(newTimeout, pendingGrace, failures, poll, monitor);
    }
}
