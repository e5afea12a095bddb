package dev.jcompose.spec.merge;

import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lists in which an entry is identified by a key (a port by its binding, a volume by its container path, a
 * secret by its target...): after merging, a later entry with the same key takes the place of the earlier one,
 * as compose's EnforceUnicity does.
 */
final class Uniqueness {
    private record Rule(PathPattern path, Function<YamlNode, String> key) {}

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        for (String p : List.of("services.*.build.platforms", "services.*.build.platform", "services.*.build.tags", "services.*.cap_add",
                "services.*.cap_drop", "services.*.dns", "services.*.dns_opt", "services.*.dns_search",
                "services.*.links", "services.*.networks.*.aliases", "services.*.networks.*.link_local_ips",
                "services.*.profiles", "services.*.tmpfs", "services.*.label_file")) {
            RULES.add(new Rule(PathPattern.of(p), Uniqueness::keyValue));
        }
        RULES.add(new Rule(PathPattern.of("services.*.volumes"), Uniqueness::containerPath));
        RULES.add(new Rule(PathPattern.of("services.*.devices"), Uniqueness::containerPath));
        RULES.add(new Rule(PathPattern.of("services.*.secrets"), n -> mountTarget(n, "/run/secrets")));
        RULES.add(new Rule(PathPattern.of("services.*.configs"), n -> mountTarget(n, "")));
        RULES.add(new Rule(PathPattern.of("services.*.env_file"), n -> n instanceof MapNode m ? text(m.get("path")) : text(n)));
        RULES.add(new Rule(PathPattern.of("services.*.expose"), Uniqueness::text));
        RULES.add(new Rule(PathPattern.of("services.*.extra_hosts"), Uniqueness::text));
        RULES.add(new Rule(PathPattern.of("services.*.build.extra_hosts"), Uniqueness::text));
        RULES.add(new Rule(PathPattern.of("services.*.ports"), Uniqueness::port));
    }

    private Uniqueness() {}

    private static final int DEEPEST = RULES.stream().mapToInt(r -> r.path().depth()).max().orElse(0);

    static YamlNode apply(YamlNode node) {
        return apply(node, new ArrayList<>());
    }

    /** For a subtree that sits at {@code at} (a dotted path) in the whole tree. */
    static YamlNode apply(YamlNode node, String at) {
        return apply(node, new ArrayList<>(List.of(at.split("\\."))));
    }

    /** Returns the node itself when nothing below it changed. */
    private static YamlNode apply(YamlNode node, List<String> path) {
        if (node instanceof MapNode map) {
            if (path.size() >= DEEPEST) return map;
            List<MapNode.Entry> out = new ArrayList<>(map.size());
            boolean changed = false;
            for (MapNode.Entry e : map.entries()) {
                path.add(e.key());
                YamlNode v = apply(e.value(), path);
                path.remove(path.size() - 1);
                changed |= v != e.value();
                out.add(v == e.value() ? e : new MapNode.Entry(e.key(), e.keyLocation(), v));
            }
            return changed ? new MapNode(out, map.location(), map.tag()) : map;
        }
        if (!(node instanceof ListNode list)) return node;
        for (Rule r : RULES) {
            if (!r.path().matches(path)) continue;
            List<YamlNode> out = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (YamlNode item : list.items()) {
                String key = r.key().apply(item);
                Integer at = seen.get(key);
                if (at != null) {
                    out.set(at, item);
                } else {
                    seen.put(key, out.size());
                    out.add(item);
                }
            }
            return out.size() == list.items().size() && out.equals(list.items()) ? list : new ListNode(out, list.location(), list.tag());
        }
        return list;
    }

    private static String text(YamlNode n) {
        return n instanceof ScalarNode sc ? sc.value() : String.valueOf(n == null ? null : n.toPlain());
    }

    /** {@code KEY=VAL} is identified by KEY; anything else by itself. */
    private static String keyValue(YamlNode n) {
        String t = text(n);
        int eq = t.indexOf('=');
        return n instanceof ScalarNode && eq >= 0 ? t.substring(0, eq) : t;
    }

    /** {@code src:dst[:mode]} and {@code {target: dst}} by dst. */
    private static String containerPath(YamlNode n) {
        if (n instanceof MapNode m) return text(m.get("target"));
        String[] parts = text(n).split(":");
        return parts.length >= 2 ? parts[1] : parts[0];
    }

    private static String mountTarget(YamlNode n, String defaultDir) {
        if (n instanceof MapNode m) {
            String target = m.get("target") == null ? null : text(m.get("target"));
            if (target == null) return defaultDir + "/" + text(m.get("source"));
            return target.startsWith("/") ? target : defaultDir + "/" + target;
        }
        return defaultDir + "/" + text(n);
    }

    private static String port(YamlNode n) {
        if (n instanceof MapNode m) {
            return text(m.get("host_ip")) + ":" + text(m.get("published")) + ":" + text(m.get("target")) + "/"
                    + (m.get("protocol") == null ? "tcp" : text(m.get("protocol")));
        }
        return text(n);
    }
}
