package dev.jcompose.planner.swarm.spec;

import java.util.List;

/**
 * {@code deploy.resources}: the Engine API's {@code ResourceRequirements}. Null members are unset.
 */
public record TaskResources(Limits limits, Reservations reservations) {

    /** @param nanoCpus cpus × 10⁹; @param pids the process limit */
    public record Limits(Long nanoCpus, Long memoryBytes, Long pids) {}

    public record Reservations(Long nanoCpus, Long memoryBytes, List<GenericResource> genericResources) {
        public Reservations {
            genericResources = List.copyOf(genericResources);
        }
    }

    /** A {@code generic_resources} entry: {@code discrete_resource_spec} (kind, value) as docker stack sends it. */
    public record GenericResource(String kind, long value) {}
}
