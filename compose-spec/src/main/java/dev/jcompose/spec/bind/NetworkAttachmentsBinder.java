package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.ServiceNetwork;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A service's {@code networks}: each attachment's aliases, addresses, MAC address, driver options and priorities. */
final class NetworkAttachmentsBinder {
    private final Nodes nodes;

    NetworkAttachmentsBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    /** A service's attachment to a network: its keys, so that a misspelt one is reported. */
    private static final Shape NETWORK_ATTACHMENT = Shape.Obj.ofKeys(NestedKeys.SERVICE_NETWORK.keySet(), Map.of(
            "aliases", new Shape.ListOf(new Shape.Scalar()), "link_local_ips", new Shape.ListOf(new Shape.Scalar()),
            "driver_opts", new Shape.MapOf(new Shape.Scalar())));

    SortedMap<String, ServiceNetwork> bind(YamlNode node, String path) {
        SortedMap<String, ServiceNetwork> out = new TreeMap<>();
        MapNode m = nodes.map(node, path);
        if (m == null) return out;
        for (MapNode.Entry e : m.entries()) {
            String p = path + "." + e.key();
            MapNode config = nodes.map(e.value(), p);
            if (config == null) {
                out.put(e.key(), ServiceNetwork.plain());
                continue;
            }
            Integer priority = nodes.integer(config.get("priority"), p, "priority");
            SortedMap<String, Object> extras = new TreeMap<>();
            for (MapNode.Entry x : config.entries()) {
                if (!List.of("aliases", "ipv4_address", "priority").contains(x.key())) extras.put(x.key(), x.value().toPlain());
            }
            NETWORK_ATTACHMENT.check(config, p, nodes.problems());
            Integer gwPriority = nodes.integer(config.get("gw_priority"), p, "gw_priority");
            out.put(e.key(), new ServiceNetwork(nodes.strings(config.get("aliases"), p, "aliases"),
                    nodes.string(config.get("ipv4_address"), p, "ipv4_address"), priority == null ? 0 : priority, extras,
                    nodes.string(config.get("ipv6_address"), p, "ipv6_address"), nodes.strings(config.get("link_local_ips"), p, "link_local_ips"),
                    nodes.string(config.get("mac_address"), p, "mac_address"), nodes.stringMap(config.get("driver_opts"), p, "driver_opts"),
                    gwPriority == null ? 0 : gwPriority));
        }
        return out;
    }

}
