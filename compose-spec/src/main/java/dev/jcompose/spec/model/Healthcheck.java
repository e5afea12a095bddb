package dev.jcompose.spec.model;

import dev.jcompose.spec.bind.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's healthcheck as the engine takes it: the test argv ({@code ["NONE"]} disables the image's own) and
 * durations in nanoseconds, null where the image's or the engine's default applies.
 */
public record Healthcheck(List<String> test, Long intervalNanos, Long timeoutNanos, Integer retries, Long startPeriodNanos,
                          Long startIntervalNanos) {
    public Healthcheck {
        test = test == null ? null : List.copyOf(test);
    }

    /** From the canonical {@code healthcheck} attribute (durations already validated by the loader); null when absent. */
    public static Healthcheck from(Object plain) {
        if (!(plain instanceof Map<?, ?> m)) return null;
        List<String> test = null;
        if (Boolean.TRUE.equals(m.get("disable")) || "true".equals(String.valueOf(m.get("disable")))) {
            test = List.of("NONE");
        } else if (m.get("test") instanceof List<?> l) {
            test = new ArrayList<>();
            for (Object o : l) test.add(String.valueOf(o));
        }
        Object retries = m.get("retries");
        return new Healthcheck(test, nanos(m.get("interval")), nanos(m.get("timeout")),
                retries == null ? null : Integer.valueOf(String.valueOf(retries)), nanos(m.get("start_period")),
                nanos(m.get("start_interval")));
    }

    private static Long nanos(Object value) {
        return value == null ? null : Units.nanos(String.valueOf(value));
    }
}
