package dev.jcompose.planner;

import dev.jcompose.planner.plan.Action;

/**
 * The options of {@code up} that change the plan.
 *
 * @param stopTimeoutSeconds how long a stop waits before the engine kills, when a container is replaced
 * @param renewAnonVolumes   {@code -V}: a recreated container gets new anonymous volumes instead of the old ones
 * @param pull               {@code --pull}: {@code always}, {@code missing} or {@code never} for every service;
 *                           null to follow each service's {@code pull_policy}
 * @param recreateVolumes    {@code -y}: a named volume whose definition changed is removed and made again (its data
 *                           is lost); without it such a volume is kept, with a warning
 */
public record UpOptions(boolean forceRecreate, boolean noRecreate, boolean noStart, boolean removeOrphans,
                        int stopTimeoutSeconds, boolean renewAnonVolumes, String pull, boolean recreateVolumes) {
    public UpOptions(boolean forceRecreate, boolean noRecreate, boolean noStart, boolean removeOrphans,
                     int stopTimeoutSeconds, boolean renewAnonVolumes) {
        this(forceRecreate, noRecreate, noStart, removeOrphans, stopTimeoutSeconds, renewAnonVolumes, null, false);
    }

    public static UpOptions defaults() {
        return new UpOptions(false, false, false, false, Action.StopContainer.OWN_TIMEOUT, false, null, false);
    }
}
