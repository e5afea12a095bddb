package dev.jcompose.planner;

import dev.jcompose.planner.plan.Action;
import java.util.Objects;

/**
 * The options of {@code up} that change the plan.
 *
 * @param orphans            what becomes of containers of services the project does not have
 * @param start              false for {@code --no-start}: containers are created, none is started
 * @param stopTimeoutSeconds how long a stop waits before the engine kills, when a container is replaced
 *                           ({@link Action.StopContainer#OWN_TIMEOUT}: each container's own)
 * @param renewAnonVolumes   {@code -V}: a recreated container gets new anonymous volumes instead of the old ones
 * @param pull               {@code --pull}, or {@link PullPolicy#SERVICE} to follow each service's {@code pull_policy}
 * @param recreateVolumes    {@code -y}: a named volume whose definition changed is removed and made again (its data
 *                           is lost); without it such a volume is kept, with a warning
 */
public record UpOptions(Recreate recreate, boolean start, Orphans orphans, int stopTimeoutSeconds,
                        boolean renewAnonVolumes, PullPolicy pull, boolean recreateVolumes) {
    public UpOptions {
        Objects.requireNonNull(recreate, "recreate");
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(orphans, "orphans");
    }

    public static UpOptions defaults() {
        return new UpOptions(Recreate.DIVERGED, true, Orphans.WARN, Action.StopContainer.OWN_TIMEOUT, false, PullPolicy.SERVICE, false);
    }

    public UpOptions withRecreate(Recreate value) {
        return new UpOptions(value, start, orphans, stopTimeoutSeconds, renewAnonVolumes, pull, recreateVolumes);
    }

    public UpOptions withStart(boolean value) {
        return new UpOptions(recreate, value, orphans, stopTimeoutSeconds, renewAnonVolumes, pull, recreateVolumes);
    }

    public UpOptions withOrphans(Orphans value) {
        return new UpOptions(recreate, start, value, stopTimeoutSeconds, renewAnonVolumes, pull, recreateVolumes);
    }
}
