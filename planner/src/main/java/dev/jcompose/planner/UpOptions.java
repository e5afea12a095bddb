package dev.jcompose.planner;

/**
 * The options of {@code up} that change the plan.
 *
 * @param stopTimeoutSeconds how long a stop waits before the engine kills, when a container is replaced
 */
public record UpOptions(boolean forceRecreate, boolean noRecreate, boolean noStart, boolean removeOrphans,
                        int stopTimeoutSeconds) {
    public static UpOptions defaults() {
        return new UpOptions(false, false, false, false, 10);
    }
}
