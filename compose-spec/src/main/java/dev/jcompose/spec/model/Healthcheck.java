package dev.jcompose.spec.model;

import java.util.List;

/**
 * A service's healthcheck as the engine takes it: the test argv ({@code ["NONE"]} disables the image's own) and
 * durations in nanoseconds, null where the image's or the engine's default applies.
 */
public record Healthcheck(List<String> test, Long intervalNanos, Long timeoutNanos, Integer retries, Long startPeriodNanos,
                          Long startIntervalNanos) {
    public Healthcheck {
        test = test == null ? null : List.copyOf(test);
    }
}
