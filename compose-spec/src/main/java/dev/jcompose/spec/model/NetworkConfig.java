package dev.jcompose.spec.model;

import java.util.SortedMap;

/**
 * A top-level network.
 *
 * @param name the engine's name for it: {@code <project>_<key>} unless {@code name:} or {@code external} says otherwise
 */
public record NetworkConfig(
        String name,
        String driver,
        SortedMap<String, String> driverOpts,
        SortedMap<String, String> labels,
        boolean external,
        boolean internal,
        boolean attachable,
        Boolean enableIpv6) {

    public NetworkConfig {
        driverOpts = Collections2.sortedCopy(driverOpts);
        labels = Collections2.sortedCopy(labels);
    }
}
