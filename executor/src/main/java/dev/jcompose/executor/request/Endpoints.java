package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.ContainerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container's place on its first network, sent with the create; the others are connected before it starts
 * (one endpoint per create, as every API version takes it).
 */
public final class Endpoints {
    /** From this API version an endpoint carries its own MAC address. */
    static final String ENDPOINT_MAC_API = "1.44";

    private Endpoints() {}

    static Map<String, Object> networkingConfig(Translation t) {
        ContainerSpec spec = t.spec();
        if (spec.options().isolation().network() != null || spec.primaryNetwork() == null) return null;
        Body endpoint = endpoint(t, spec.networks().get(spec.primaryNetwork()), true);
        return Map.of("EndpointsConfig", Map.of(spec.primaryNetwork(), endpoint.map()));
    }

    /** The MAC address of the container on its first network: that network's {@code mac_address}, or the service's. */
    static String primaryMac(ContainerSpec spec) {
        if (spec.options().isolation().network() != null) return null;
        ContainerSpec.NetworkAttachment a = spec.primaryNetwork() == null ? null : spec.networks().get(spec.primaryNetwork());
        return a != null && a.macAddress() != null ? a.macAddress() : spec.options().lookup().macAddress();
    }

    /** The endpoints of the container's other networks, in the order they are connected, for the same translation's warnings. */
    static Map<String, Map<String, Object>> others(Translation t) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        ContainerSpec spec = t.spec();
        if (spec.options().isolation().network() != null) return out;
        boolean first = true;
        for (Map.Entry<String, ContainerSpec.NetworkAttachment> n : spec.networks().entrySet()) {
            if (first) {
                first = false;
                continue;
            }
            out.put(n.getKey(), endpoint(t, n.getValue(), false).map());
        }
        return out;
    }

    /** The body of {@code POST /networks/{id}/connect}. */
    public static Map<String, Object> connect(String container, ContainerSpec.NetworkAttachment attachment, String apiVersion) {
        ContainerSpec none = new ContainerSpec(container, "", 0, "", null, null, new TreeMap<>(), new TreeMap<>(),
                List.of(), List.of(), Map.of(), null, null, null, null, null, false, false, null, null);
        Body endpoint = endpoint(new Translation(none, new ApiLevel(apiVersion)), attachment, false);
        return Map.of("Container", container, "EndpointConfig", endpoint.map());
    }

    /**
     * @param primary the container's first network: the one that takes the service's {@code mac_address}
     */
    static Body endpoint(Translation t, ContainerSpec.NetworkAttachment a, boolean primary) {
        Body endpoint = new Body();
        endpoint.always("Aliases", a.aliases());
        Body ipam = new Body().put("IPv4Address", a.ipv4Address()).put("IPv6Address", a.ipv6Address()).put("LinkLocalIPs", a.linkLocalIps());
        if (!ipam.isEmpty()) endpoint.put("IPAMConfig", ipam.map());
        String mac = primary ? primaryMac(t.spec()) : a.macAddress();
        if (mac != null && t.api().atLeast(ENDPOINT_MAC_API)) endpoint.put("MacAddress", mac);
        else if (a.macAddress() != null && !primary) t.supports(ENDPOINT_MAC_API, "networks.*.mac_address on a second network");
        endpoint.put("DriverOpts", a.driverOpts());
        if (a.gwPriority() != 0 && t.supports("1.48", "networks.*.gw_priority")) endpoint.put("GwPriority", a.gwPriority());
        // as docker compose: the links on every network the container is on
        endpoint.put("Links", t.spec().options().lookup().links());
        return endpoint;
    }
}
