package dev.jcompose.spec.bind;

import dev.jcompose.spec.Problems;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Typed reads of tree nodes for the binders. Each reports a wrong type to {@link Problems} and returns null (or
 * an empty value), so that binding goes on and every problem of a file is reported in one run. Values that were
 * strings after interpolation ({@code "8080"}, {@code "true"}) convert to the type the field needs, as compose does.
 */
final class Nodes {
    private final Problems problems;

    Nodes(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    // The same reads for {@code parent.key}: the path is only spelled out when the attribute is there. Most of a
    // service's attributes are absent, and a thousand services spelled thirty paths each for nothing.

    String string(YamlNode node, String parent, String key) {
        return node == null ? null : string(node, parent + "." + key);
    }

    Integer integer(YamlNode node, String parent, String key) {
        return node == null ? null : integer(node, parent + "." + key);
    }

    Boolean bool(YamlNode node, String parent, String key) {
        return node == null ? null : bool(node, parent + "." + key);
    }

    MapNode map(YamlNode node, String parent, String key) {
        return node == null ? null : map(node, parent + "." + key);
    }

    List<String> stringOrList(YamlNode node, String parent, String key) {
        return node == null ? List.of() : stringOrList(node, parent + "." + key);
    }

    List<String> strings(YamlNode node, String parent, String key) {
        return node == null ? List.of() : strings(node, parent + "." + key);
    }

    SortedMap<String, String> stringMap(YamlNode node, String parent, String key) {
        return node == null ? new TreeMap<>() : stringMap(node, parent + "." + key);
    }

    String string(YamlNode node, String path) {
        if (node == null) return null;
        if (node instanceof ScalarNode sc) return sc.isNull() ? null : sc.value();
        problems.add(node, path, "must be a string, found " + node.kindName());
        return null;
    }

    Integer integer(YamlNode node, String path) {
        String text = string(node, path);
        if (text == null) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(node, path, "must be a whole number, found \"" + text + "\"");
            return null;
        }
    }

    Boolean bool(YamlNode node, String path) {
        String text = string(node, path);
        if (text == null) return null;
        switch (text.strip().toLowerCase()) {
            case "true": case "yes": case "y": case "on": return true;
            case "false": case "no": case "n": case "off": return false;
            default:
                problems.add(node, path, "must be a boolean (true or false), found \"" + text + "\"");
                return null;
        }
    }

    MapNode map(YamlNode node, String path) {
        if (node == null || (node instanceof ScalarNode sc && sc.isNull())) return null;
        if (node instanceof MapNode m) return m;
        problems.add(node, path, "must be a mapping, found " + node.kindName());
        return null;
    }

    /** A string or a list of strings, as {@code dns:} or {@code env_file:} take. */
    List<String> stringOrList(YamlNode node, String path) {
        if (node == null) return List.of();
        if (node instanceof ListNode list) return strings(list, path);
        String single = string(node, path);
        return single == null ? List.of() : List.of(single);
    }

    List<String> strings(YamlNode node, String path) {
        if (node == null) return List.of();
        if (!(node instanceof ListNode list)) {
            problems.add(node, path, "must be a list, found " + node.kindName());
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String s = item instanceof ScalarNode sc ? (sc.isNull() ? null : sc.value()) : string(item, path + "[" + i + "]");
            if (s != null) out.add(s);
        }
        return out;
    }

    /** A mapping of strings ({@code labels}, {@code driver_opts}); list forms were made mappings by the canonicaliser. */
    SortedMap<String, String> stringMap(YamlNode node, String path) {
        SortedMap<String, String> out = new TreeMap<>();
        MapNode m = map(node, path);
        if (m == null) return out;
        for (MapNode.Entry e : m.entries()) {
            // a scalar needs no path: only a wrong type is reported with one
            String v = e.value() instanceof ScalarNode sc ? (sc.isNull() ? null : sc.value()) : string(e.value(), path + "." + e.key());
            out.put(e.key(), v == null ? "" : v);
        }
        return out;
    }

    /** A whole number that may exceed an int (byte counts, CPU periods). */
    Long longValue(YamlNode node, String path) {
        String text = string(node, path);
        if (text == null) return null;
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(node, path, "must be a whole number, found \"" + text + "\"");
            return null;
        }
    }

    /** A size in bytes: a number, or a number with a unit ({@code 512m}, {@code 1gb}). */
    Long bytes(YamlNode node, String path) {
        String text = string(node, path);
        if (text == null) return null;
        try {
            return Units.bytes(text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(node, path, e.getMessage());
            return null;
        }
    }

    /** A duration in nanoseconds: Go's syntax ({@code 1m30s}, {@code 500ms}), or a number of seconds. */
    Long nanos(YamlNode node, String path) {
        String text = string(node, path);
        if (text == null) return null;
        try {
            return Units.nanos(text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(node, path, e.getMessage());
            return null;
        }
    }

    /** A decimal number ({@code cpus: 0.5}). */
    BigDecimal decimal(YamlNode node, String path) {
        String text = string(node, path);
        if (text == null) return null;
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.add(node, path, "must be a number, found \"" + text + "\"");
            return null;
        }
    }

    /**
     * Runs {@code parse} on each item of a list attribute; an item it rejects (IllegalArgumentException) is
     * reported at its own line, and the others are still read.
     */
    void eachItem(YamlNode node, String path, BiConsumer<YamlNode, String> parse) {
        if (node == null) return;
        if (!(node instanceof ListNode list)) {
            problems.add(node, path, "must be a list, found " + node.kindName());
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = path + "[" + i + "]";
            try {
                parse.accept(item, itemPath);
            } catch (IllegalArgumentException e) {
                problems.add(item, itemPath, e.getMessage());
            }
        }
    }

}
