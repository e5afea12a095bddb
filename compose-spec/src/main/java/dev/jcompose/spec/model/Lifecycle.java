package dev.jcompose.spec.model;

import java.util.List;

/**
 * How the container stops and what runs around its start and stop.
 *
 * @param stopGracePeriodNanos null for the engine's default (10 s)
 * @param attach               false: {@code up} does not show this service's output
 * @param deployRestart        {@code deploy.restart_policy} as a restart word ({@code on-failure:3}), which wins
 *                             over {@code restart}, as in docker compose; or null
 */
public record Lifecycle(String stopSignal, Long stopGracePeriodNanos, List<Hook> postStart, List<Hook> preStop, boolean attach,
                        String deployRestart) {
    public static final Lifecycle NONE = new Lifecycle(null, null, List.of(), List.of(), true, null);

    public Lifecycle {
        postStart = List.copyOf(postStart);
        preStop = List.copyOf(preStop);
    }

    /** The stop timeout in whole seconds, as the engine takes it, or null. */
    public Integer stopTimeoutSeconds() {
        return stopGracePeriodNanos == null ? null : (int) (stopGracePeriodNanos / 1_000_000_000L);
    }
}
