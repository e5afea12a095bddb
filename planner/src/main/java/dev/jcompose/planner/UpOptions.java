package dev.jcompose.planner;

/**
 * The options of {@code up} that change the plan.
 *
 * @param stopTimeoutSeconds how long a stop waits before the engine kills, when a container is replaced
 * @param renewAnonVolumes   {@code -V}: a recreated container gets new anonymous volumes instead of the old ones
 */
public record UpOptions(boolean forceRecreate, boolean noRecreate, boolean noStart, boolean removeOrphans,
                        int stopTimeoutSeconds, boolean renewAnonVolumes) {
    public static UpOptions defaults() {
        return new UpOptions(false, false, false, false, 10, false);
    }
}
