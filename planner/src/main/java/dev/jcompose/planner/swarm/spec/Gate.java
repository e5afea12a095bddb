package dev.jcompose.planner.swarm.spec;

/**
 * A {@code depends_on} condition as a swarm deploy waits for it, through the dependency's tasks.
 *
 * @param required false for {@code required: false}: a dependency that fails its gate is a warning, not a failure
 */
public record Gate(Condition condition, boolean required) {

    public enum Condition {
        /** {@code service_started}: a task of the service is running. */
        STARTED("service_started"),
        /** {@code service_healthy}: a task of the service is running and healthy. */
        HEALTHY("service_healthy"),
        /** {@code service_completed_successfully}: the job's tasks completed (exit 0). */
        COMPLETED("service_completed_successfully"),
        /** Every task of the service runs the current spec ({@code --wait}, and before superseded objects go). */
        CONVERGED("converged");

        private final String key;

        Condition(String key) {
            this.key = key;
        }

        /** The {@code depends_on} condition's name. */
        public String key() {
            return key;
        }

        /** The condition named by a {@code depends_on} entry. */
        public static Condition of(String key) {
            for (Condition c : values()) if (c.key.equals(key)) return c;
            throw new IllegalArgumentException("unknown depends_on condition: " + key);
        }
    }
}
