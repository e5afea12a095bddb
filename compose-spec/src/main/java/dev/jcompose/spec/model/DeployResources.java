package dev.jcompose.spec.model;

import java.util.List;

/**
 * {@code deploy.resources} as a swarm reads it: limits and reservations, each null when not set.
 */
public record DeployResources(Limits limits, Reservations reservations) {
    public static final DeployResources NONE = new DeployResources(null, null);

    /** @param nanoCpus {@code cpus} × 10⁹ */
    public record Limits(Long nanoCpus, Long memoryBytes, Long pids) {
    }

    /**
     * @param genericResources {@code generic_resources[].discrete_resource_spec}
     * @param devices          {@code devices}: a swarm cannot reserve them (docker stack drops them)
     */
    public record Reservations(Long nanoCpus, Long memoryBytes, List<GenericResource> genericResources,
                               List<DeviceRequest> devices) {
        public Reservations {
            genericResources = List.copyOf(genericResources);
            devices = List.copyOf(devices);
        }
    }

    /** One discrete generic resource: {@code {kind: gpu, value: 2}}. */
    public record GenericResource(String kind, long value) {
    }
}
