package dev.jcompose.spec.merge;

import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Merges the canonical trees of several {@code -f} files, later files winning: mappings merge key by key, scalars
 * are replaced, {@code command}/{@code entrypoint}/{@code healthcheck.test} are replaced whole, and other lists are
 * appended without duplicates. The {@code !reset} tag removes a key, {@code !override} replaces without merging.
 */
public final class TreeMerger {
    private static final List<Pattern> REPLACED = List.of(
            Pattern.compile("services\\.[^.]+\\.(command|entrypoint)"),
            Pattern.compile("services\\.[^.]+\\.healthcheck\\.test"));

    private TreeMerger() {}

    public static MapNode merge(List<MapNode> files) {
        MapNode result = files.get(0);
        for (int i = 1; i < files.size(); i++) result = (MapNode) merge(result, files.get(i), "");
        return (MapNode) stripResets(result);
    }

    private static YamlNode merge(YamlNode base, YamlNode override, String path) {
        if ("!override".equals(override.tag()) || "!reset".equals(override.tag())) return override;
        if (base instanceof MapNode b && override instanceof MapNode o) {
            LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>(b.entryMap());
            for (MapNode.Entry e : o.entries()) {
                MapNode.Entry old = out.get(e.key());
                String childPath = path.isEmpty() ? e.key() : path + "." + e.key();
                YamlNode value = old == null ? e.value() : merge(old.value(), e.value(), childPath);
                out.put(e.key(), new MapNode.Entry(e.key(), old == null ? e.keyLocation() : old.keyLocation(), value));
            }
            return new MapNode(List.copyOf(out.values()), b.location(), b.tag());
        }
        if (base instanceof ListNode b && override instanceof ListNode o && !isReplaced(path)) {
            List<YamlNode> out = new ArrayList<>(b.items());
            Set<Object> seen = new HashSet<>();
            for (YamlNode item : b.items()) seen.add(item.toPlain());
            for (YamlNode item : o.items()) if (seen.add(item.toPlain())) out.add(item);
            return new ListNode(out, b.location(), b.tag());
        }
        return override;
    }

    private static boolean isReplaced(String path) {
        for (Pattern p : REPLACED) if (p.matcher(path).matches()) return true;
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
