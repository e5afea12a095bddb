package dev.jcompose.service;

import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.UpOptions;
import java.util.Objects;

/**
 * What {@code up} (and {@code create}: {@code options.start()} false) is asked to do, beyond the project.
 *
 * @param waitReady          return once every container is running, healthy or exited 0, as {@code up --wait}
 * @param waitTimeoutSeconds how long that wait may last; 0 for no limit
 */
public record UpRequest(UpOptions options, BuildOptions build, boolean waitReady, int waitTimeoutSeconds, boolean dryRun) {
    public UpRequest {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(build, "build");
    }

    /** {@code up -d}: images built when missing, no wait. */
    public static UpRequest detached() {
        return new UpRequest(UpOptions.defaults(), BuildOptions.ifMissing(), false, 0, false);
    }

    public UpRequest waitingReady(int timeoutSeconds) {
        return new UpRequest(options, build, true, timeoutSeconds, dryRun);
    }
}
