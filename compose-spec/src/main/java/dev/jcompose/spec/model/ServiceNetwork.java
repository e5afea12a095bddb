package dev.jcompose.spec.model;

import java.util.List;
import java.util.SortedMap;

/**
 * A service's attachment to one project network.
 *
 * @param extras the attachment's other attributes as plain values, as {@code config} prints them
 * @param ipv6Address  null for one the engine picks
 * @param gwPriority   which network gives the default gateway; 0 by default
 */
public record ServiceNetwork(List<String> aliases, String ipv4Address, int priority, SortedMap<String, Object> extras,
                             String ipv6Address, List<String> linkLocalIps, String macAddress,
                             SortedMap<String, String> driverOpts, int gwPriority) {
    public ServiceNetwork {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        extras = Collections2.sortedCopy(extras);
        linkLocalIps = linkLocalIps == null ? List.of() : List.copyOf(linkLocalIps);
        driverOpts = Collections2.sortedCopy(driverOpts);
    }

    public ServiceNetwork(List<String> aliases, String ipv4Address, int priority, SortedMap<String, Object> extras) {
        this(aliases, ipv4Address, priority, extras, null, List.of(), null, null, 0);
    }

    public static ServiceNetwork plain() {
        return new ServiceNetwork(List.of(), null, 0, null);
    }
}
