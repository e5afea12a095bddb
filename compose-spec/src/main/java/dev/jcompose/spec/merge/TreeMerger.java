package dev.jcompose.spec.merge;

import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Merges the canonical trees of several {@code -f} files, later files winning, with compose's per-attribute rules
 * looked up by path: mappings merge key by key, scalars are replaced, lists are appended (then made unique by
 * {@link Uniqueness} where entries have keys), {@code command}, {@code entrypoint}, {@code healthcheck.test},
 * each ulimit and a model's {@code runtime_flags} are replaced whole, {@code logging} options merge only for the
 * same driver, and IPAM configs merge by subnet. An empty ({@code null}) override keeps what was there; the
 * {@code !reset} tag removes a key and {@code !override} replaces without merging.
 */
public final class TreeMerger {
    private static final List<PathPattern> REPLACED = List.of(
            PathPattern.of("services.*.command"), PathPattern.of("services.*.entrypoint"),
            PathPattern.of("services.*.healthcheck.test"), PathPattern.of("services.*.ulimits.*"),
            PathPattern.of("models.*.runtime_flags"));
    private static final PathPattern LOGGING = PathPattern.of("services.*.logging");
    private static final PathPattern IPAM_CONFIG = PathPattern.of("networks.*.ipam.config");

    private TreeMerger() {}

    public static MapNode merge(List<MapNode> files) {
        YamlNode result = files.get(0);
        for (int i = 1; i < files.size(); i++) result = merge(result, files.get(i), "");
        return (MapNode) Uniqueness.apply(hasResets(result) ? stripResets(result) : result);
    }

    /** One service over another, with the per-attribute rules of {@code services.<name>} ({@code extends}). */
    public static MapNode mergeService(MapNode base, MapNode override, String name) {
        return (MapNode) Uniqueness.apply(merge(base, override, "services." + name), "services." + name);
    }

    private static YamlNode merge(YamlNode base, YamlNode override, String path) {
        if ("!override".equals(override.tag()) || "!reset".equals(override.tag())) return override;
        if (override instanceof ScalarNode sc && sc.isNull()) return base;
        if (matches(REPLACED, path)) return override;
        if (base instanceof MapNode b && override instanceof MapNode o) {
            if (LOGGING.matches(path) && b.get("driver") != null && o.get("driver") != null
                    && !Objects.equals(b.get("driver").toPlain(), o.get("driver").toPlain())) {
                return override; // another driver: the old driver's options mean nothing to it
            }
            return mergeMappings(b, o, path);
        }
        if (base instanceof ListNode b && override instanceof ListNode o) {
            if (IPAM_CONFIG.matches(path)) return mergeBySubnet(b, o, path);
            List<YamlNode> out = new ArrayList<>(b.items());
            out.addAll(o.items());
            return new ListNode(out, b.location(), b.tag());
        }
        return override;
    }

    private static MapNode mergeMappings(MapNode b, MapNode o, String path) {
        LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>(b.entryMap());
        for (MapNode.Entry e : o.entries()) {
            MapNode.Entry old = out.get(e.key());
            String childPath = path.isEmpty() ? e.key() : path + "." + e.key();
            YamlNode value = old == null ? e.value() : merge(old.value(), e.value(), childPath);
            out.put(e.key(), new MapNode.Entry(e.key(), old == null ? e.keyLocation() : old.keyLocation(), value));
        }
        return new MapNode(List.copyOf(out.values()), b.location(), b.tag());
    }

    private static ListNode mergeBySubnet(ListNode b, ListNode o, String path) {
        List<YamlNode> out = new ArrayList<>(b.items());
        for (YamlNode item : o.items()) {
            int same = -1;
            for (int i = 0; i < out.size() && item instanceof MapNode m; i++) {
                if (out.get(i) instanceof MapNode existing && existing.get("subnet") != null && m.get("subnet") != null
                        && Objects.equals(existing.get("subnet").toPlain(), m.get("subnet").toPlain())) {
                    same = i;
                }
            }
            if (same >= 0) out.set(same, merge(out.get(same), item, path));
            else out.add(item);
        }
        return new ListNode(out, b.location(), b.tag());
    }

    private static boolean matches(List<PathPattern> patterns, String path) {
        for (PathPattern p : patterns) if (p.matches(path)) return true;
        return false;
    }

    private static boolean hasResets(YamlNode node) {
        if ("!reset".equals(node.tag())) return true;
        if (node instanceof MapNode map) {
            for (MapNode.Entry e : map.entries()) if (hasResets(e.value())) return true;
        } else if (node instanceof ListNode list) {
            for (YamlNode item : list.items()) if (hasResets(item)) return true;
        }
        return false;
    }

    /** Removes keys whose value is tagged {@code !reset}, once every file has been merged. */
    private static YamlNode stripResets(YamlNode node) {
        if (node instanceof MapNode map) {
            List<MapNode.Entry> out = new ArrayList<>();
            for (MapNode.Entry e : map.entries()) {
                if ("!reset".equals(e.value().tag())) continue;
                out.add(new MapNode.Entry(e.key(), e.keyLocation(), stripResets(e.value())));
            }
            return new MapNode(out, map.location(), map.tag());
        }
        if (node instanceof ListNode list) {
            List<YamlNode> out = new ArrayList<>();
            for (YamlNode item : list.items()) if (!"!reset".equals(item.tag())) out.add(stripResets(item));
            return new ListNode(out, list.location(), list.tag());
        }
        return node;
    }
}
