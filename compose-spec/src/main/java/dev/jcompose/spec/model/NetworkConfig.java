package dev.jcompose.spec.model;

import java.util.SortedMap;

/**
 * A top-level network.
 *
 * @param name   the engine's name for it: {@code <project>_<key>} unless {@code name:} or {@code external} says otherwise;
 *               null when not normalised and not written
 * @param ipam   the IPAM section as plain values, or null
 * @param extras other attributes and {@code x-*} extensions, kept and printed
 */
public record NetworkConfig(
        String name,
        String driver,
        SortedMap<String, String> driverOpts,
        SortedMap<String, String> labels,
        boolean external,
        boolean internal,
        boolean attachable,
        Boolean enableIpv6,
        Object ipam,
        SortedMap<String, Object> extras) {

    public NetworkConfig {
        driverOpts = Collections2.sortedCopy(driverOpts);
        labels = Collections2.sortedCopy(labels);
        extras = Collections2.sortedCopy(extras);
    }
}
