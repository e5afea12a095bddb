package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.ExtraHost;
import dev.jcompose.spec.model.HostLookup;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code dns}, {@code dns_search}, {@code dns_opt}, {@code extra_hosts}, {@code domainname}, {@code mac_address}, {@code links}, {@code external_links}. */
final class HostLookupBinder {
    private final Nodes nodes;

    HostLookupBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}");
    private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.%a-zA-Z]*");

    HostLookup bind(MapNode svc, String p) {
        List<String> dns = nodes.stringOrList(svc.get("dns"), p, "dns");
        for (int i = 0; i < dns.size(); i++) {
            if (!IP.matcher(dns.get(i)).matches()) {
                YamlNode at = svc.get("dns") instanceof ListNode l && i < l.items().size() ? l.items().get(i) : svc.get("dns");
                nodes.problems().add(at, p + ".dns[" + i + "]", "invalid DNS address \"" + dns.get(i) + "\"", "write an IP address such as 8.8.8.8");
            }
        }
        String mac = nodes.string(svc.get("mac_address"), p, "mac_address");
        if (mac != null && !MAC.matcher(mac).matches()) {
            nodes.problems().add(svc.get("mac_address"), p + ".mac_address", "invalid MAC address \"" + mac + "\"", "write six hex pairs such as 02:42:ac:11:00:02");
        }
        return new HostLookup(dns, nodes.stringOrList(svc.get("dns_search"), p, "dns_search"),
                nodes.strings(svc.get("dns_opt"), p, "dns_opt"), extraHosts(svc.get("extra_hosts"), p + ".extra_hosts"),
                nodes.string(svc.get("domainname"), p, "domainname"), mac,
                nodes.strings(svc.get("links"), p, "links"), nodes.strings(svc.get("external_links"), p, "external_links"));
    }

    /** The canonical list of {@code host=ip} (the canonicaliser turned the map and {@code host:ip} forms into it). */
    private List<ExtraHost> extraHosts(YamlNode node, String path) {
        List<ExtraHost> out = new ArrayList<>();
        if (node == null) return out;
        if (!(node instanceof ListNode)) {
            nodes.problems().add(node, path, "must be a list of host=address or a mapping of host to address, found " + node.kindName());
            return out;
        }
        List<String> entries = nodes.strings(node, path);
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                nodes.problems().add(((ListNode) node).items().get(i), path + "[" + i + "]",
                        "invalid extra host \"" + entry + "\"", "write host=address or host:address");
                continue;
            }
            String address = entry.substring(eq + 1);
            // [::1] is how a file can write an IPv6 address unambiguously; the engine wants it bare
            if (address.startsWith("[") && address.endsWith("]")) address = address.substring(1, address.length() - 1);
            out.add(new ExtraHost(entry.substring(0, eq), address));
        }
        return out;
    }
}
