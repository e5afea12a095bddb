package dev.jcompose.spec.model;

/** One {@code depends_on} entry, long syntax. */
public record ServiceDependency(String condition, boolean restart, boolean required) {
    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";

    public static ServiceDependency started() {
        return new ServiceDependency(STARTED, false, true);
    }
}
