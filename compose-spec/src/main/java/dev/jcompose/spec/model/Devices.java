package dev.jcompose.spec.model;

import java.util.List;

/** The host devices a container reaches: mapped devices, cgroup rules, device requests (GPUs), block IO limits. */
public record Devices(List<Device> mapped, List<String> cgroupRules, List<DeviceRequest> requests, Blkio blkio) {
    public static final Devices NONE = new Devices(List.of(), List.of(), List.of(), Blkio.NONE);

    public Devices {
        mapped = List.copyOf(mapped);
        cgroupRules = List.copyOf(cgroupRules);
        requests = List.copyOf(requests);
    }
}
