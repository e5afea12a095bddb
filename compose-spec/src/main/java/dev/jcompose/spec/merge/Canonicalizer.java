package dev.jcompose.spec.merge;

import dev.jcompose.spec.Location;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the list forms that have a mapping form into mappings, per file and before merging, so that a later file
 * can override one key of an earlier one: {@code environment}, {@code labels}, {@code build.args} ({@code KEY=VAL}
 * lists), and {@code depends_on}, {@code networks} (name lists). Anything it does not recognise is left for the
 * binder to report.
 */
public final class Canonicalizer {
    private static final Set<String> KEY_VALUE_LISTS = Set.of("environment", "labels", "annotations", "sysctls");
    private static final Set<String> NAME_LISTS = Set.of("depends_on", "networks");

    private Canonicalizer() {}

    public static MapNode apply(MapNode root) {
        if (!(root.get("services") instanceof MapNode services)) return root;
        List<MapNode.Entry> out = new ArrayList<>();
        for (MapNode.Entry s : services.entries()) {
            YamlNode value = s.value() instanceof MapNode svc ? service(svc) : s.value();
            out.add(new MapNode.Entry(s.key(), s.keyLocation(), value));
        }
        return root.with("services", null, new MapNode(out, services.location(), services.tag()));
    }

    private static MapNode service(MapNode svc) {
        List<MapNode.Entry> out = new ArrayList<>();
        for (MapNode.Entry e : svc.entries()) {
            YamlNode v = e.value();
            if (v instanceof ListNode list && KEY_VALUE_LISTS.contains(e.key())) v = keyValues(list);
            else if (v instanceof ListNode list && NAME_LISTS.contains(e.key())) v = names(list);
            else if (e.key().equals("build") && v instanceof MapNode build && build.get("args") instanceof ListNode args) {
                v = build.with("args", null, keyValues(args));
            }
            out.add(new MapNode.Entry(e.key(), e.keyLocation(), v));
        }
        return new MapNode(out, svc.location(), svc.tag());
    }

    /** {@code [A=1, B]} to {@code {A: "1", B: null}}; left as is when an item is not a scalar. */
    private static YamlNode keyValues(ListNode list) {
        List<MapNode.Entry> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof ScalarNode sc) || sc.isNull()) return list;
            String text = sc.value();
            int eq = text.indexOf('=');
            Location at = sc.location();
            if (eq < 0) out.add(new MapNode.Entry(text, at, new ScalarNode("", ScalarNode.Kind.NULL, at, null)));
            else out.add(new MapNode.Entry(text.substring(0, eq), at, ScalarNode.string(text.substring(eq + 1), at)));
        }
        return new MapNode(out, list.location(), list.tag());
    }

    /** {@code [db, cache]} to {@code {db: null, cache: null}}; the binder fills in the defaults. */
    private static YamlNode names(ListNode list) {
        List<MapNode.Entry> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof ScalarNode sc) || sc.isNull()) return list;
            out.add(new MapNode.Entry(sc.value(), sc.location(), new ScalarNode("", ScalarNode.Kind.NULL, sc.location(), null)));
        }
        return new MapNode(out, list.location(), list.tag());
    }
}
