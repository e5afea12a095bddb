package dev.jcompose.planner.swarm.spec;

import java.time.Duration;

/**
 * {@code deploy.update_config} or {@code deploy.rollback_config}. Null members are the engine's defaults.
 *
 * @param parallelism     tasks changed at once (0: all)
 * @param maxFailureRatio the share of failed tasks tolerated
 */
public record UpdateConfig(Long parallelism, Duration delay, FailureAction failureAction, Duration monitor,
                           Double maxFailureRatio, Order order) {

    public enum FailureAction {
        CONTINUE("continue"), ROLLBACK("rollback"), PAUSE("pause");

        private final String key;

        FailureAction(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public enum Order {
        STOP_FIRST("stop-first"), START_FIRST("start-first");

        private final String key;

        Order(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
