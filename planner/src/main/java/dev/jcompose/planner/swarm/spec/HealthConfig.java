package dev.jcompose.planner.swarm.spec;

import java.time.Duration;
import java.util.List;

/**
 * The Engine API's {@code HealthConfig}: {@code test} as docker sends it ({@code ["NONE"]} disables the image's).
 * A null duration or retry count leaves the engine's default.
 */
public record HealthConfig(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                           Duration startInterval, Integer retries) {
    public HealthConfig {
        test = List.copyOf(test);
    }
}
