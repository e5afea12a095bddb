package dev.jcompose.spec.model;

import java.util.List;
import java.util.SortedMap;

/**
 * A service's attachment to one project network.
 *
 * @param extras the attachment's other attributes (ipv6_address, mac_address, link_local_ips, driver_opts...),
 *               kept and printed, not applied yet
 */
public record ServiceNetwork(List<String> aliases, String ipv4Address, int priority, SortedMap<String, Object> extras) {
    public ServiceNetwork {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        extras = Collections2.sortedCopy(extras);
    }

    public static ServiceNetwork plain() {
        return new ServiceNetwork(List.of(), null, 0, null);
    }
}
