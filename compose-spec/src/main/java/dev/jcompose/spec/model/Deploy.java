package dev.jcompose.spec.model;

import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * The {@code deploy} section, typed: what a swarm deploy reads. {@code up} takes only {@code replicas},
 * {@code resources} and {@code restart_policy} from it (through {@link Service#scale()}, {@link Resources} and
 * {@link Service#restart()}) and warns about the rest; its behaviour does not depend on this record.
 *
 * @param mode           null when not set (replicated)
 * @param replicas       null when not set
 * @param endpointMode   null when not set (vip)
 * @param labels         the service's labels ({@code deploy.labels}, not the containers')
 * @param placement      {@link Placement#NONE} when not set
 * @param updateConfig   null when not set
 * @param rollbackConfig null when not set
 * @param restartPolicy  null when not set
 * @param resources      {@link DeployResources#NONE} when not set
 */
public record Deploy(Mode mode, Integer replicas, EndpointMode endpointMode, SortedMap<String, String> labels,
                     Placement placement, UpdatePolicy updateConfig, UpdatePolicy rollbackConfig,
                     RestartPolicy restartPolicy, DeployResources resources) {
    public static final Deploy NONE = new Deploy(null, null, null, null, null, null, null, null, null);

    public Deploy {
        labels = Collections2.sortedCopy(labels);
        if (placement == null) placement = Placement.NONE;
        if (resources == null) resources = DeployResources.NONE;
    }

    /** {@code deploy.mode}. */
    public enum Mode {
        REPLICATED, GLOBAL, REPLICATED_JOB, GLOBAL_JOB;

        /** As the file writes it: {@code replicated-job}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code deploy.endpoint_mode}. */
    public enum EndpointMode {
        VIP, DNSRR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@code deploy.placement}.
     *
     * @param spreads            the {@code preferences[].spread} descriptors, in file order
     * @param maxReplicasPerNode null when not set
     */
    public record Placement(List<String> constraints, List<String> spreads, Integer maxReplicasPerNode) {
        public static final Placement NONE = new Placement(List.of(), List.of(), null);

        public Placement {
            constraints = List.copyOf(constraints);
            spreads = List.copyOf(spreads);
        }
    }

    /**
     * {@code deploy.update_config} / {@code deploy.rollback_config}; null members are not set.
     *
     * @param delayNanos   {@code delay}, in nanoseconds
     * @param monitorNanos {@code monitor}, in nanoseconds
     */
    public record UpdatePolicy(Long parallelism, Long delayNanos, FailureAction failureAction, Long monitorNanos,
                               Double maxFailureRatio, Order order) {
    }

    /** {@code failure_action}. */
    public enum FailureAction {
        CONTINUE, ROLLBACK, PAUSE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code order}. */
    public enum Order {
        STOP_FIRST, START_FIRST;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code deploy.restart_policy}; null members are not set. */
    public record RestartPolicy(Condition condition, Long delayNanos, Long maxAttempts, Long windowNanos) {
    }

    /** {@code restart_policy.condition}. */
    public enum Condition {
        NONE, ON_FAILURE, ANY;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
