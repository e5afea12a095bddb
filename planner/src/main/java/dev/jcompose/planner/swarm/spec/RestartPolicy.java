package dev.jcompose.planner.swarm.spec;

import java.time.Duration;

/**
 * {@code deploy.restart_policy}, or {@code restart:} mapped as docker stack maps it. Null members are the engine's
 * defaults.
 */
public record RestartPolicy(Condition condition, Duration delay, Long maxAttempts, Duration window) {

    public enum Condition {
        NONE("none"), ON_FAILURE("on-failure"), ANY("any");

        private final String key;

        Condition(String key) {
            this.key = key;
        }

        /** The value in the Compose file and in the Engine API. */
        public String key() {
            return key;
        }
    }
}
