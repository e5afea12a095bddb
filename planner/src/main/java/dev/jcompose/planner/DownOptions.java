package dev.jcompose.planner;

import dev.jcompose.planner.plan.Action;

/** The options of {@code down}: {@code -v} removes named and anonymous volumes; nothing else ever does. */
public record DownOptions(boolean removeVolumes, boolean removeOrphans, int stopTimeoutSeconds) {
    public static DownOptions defaults() {
        return new DownOptions(false, false, Action.StopContainer.OWN_TIMEOUT);
    }
}
