package dev.jcompose.spec.merge;

import dev.jcompose.spec.Location;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Brings each file's tree to one canonical form before merging, so that a later file can override one entry of an
 * earlier one whichever syntax each used: {@code KEY=VAL} lists become mappings of strings, name lists become
 * mappings, attributes that take "a string or a list" become lists, {@code build: dir} becomes
 * {@code build: {context: dir}}, and {@code extra_hosts} becomes a list of {@code host=ip}. Anything not recognised
 * is left for the binder to report.
 */
public final class Canonicalizer {
    private record Rule(PathPattern path, UnaryOperator<YamlNode> transform) {}

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        for (String p : List.of("services.*.environment", "services.*.labels", "services.*.annotations", "services.*.sysctls",
                "services.*.build.args", "services.*.build.labels", "services.*.build.additional_contexts",
                "services.*.deploy.labels", "networks.*.labels", "volumes.*.labels", "networks.*.ipam.options")) {
            RULES.add(new Rule(PathPattern.of(p), Canonicalizer::keyValues));
        }
        for (String p : List.of("services.*.depends_on", "services.*.networks", "services.*.models")) {
            RULES.add(new Rule(PathPattern.of(p), Canonicalizer::names));
        }
        for (String p : List.of("services.*.dns", "services.*.dns_opt", "services.*.dns_search", "services.*.tmpfs",
                "services.*.label_file")) {
            RULES.add(new Rule(PathPattern.of(p), Canonicalizer::list));
        }
        RULES.add(new Rule(PathPattern.of("services.*.env_file"), n -> envFiles(list(n))));
        RULES.add(new Rule(PathPattern.of("services.*.extra_hosts"), Canonicalizer::extraHosts));
        RULES.add(new Rule(PathPattern.of("services.*.build.extra_hosts"), Canonicalizer::extraHosts));
        RULES.add(new Rule(PathPattern.of("services.*.build"), Canonicalizer::build));
        RULES.add(new Rule(PathPattern.of("services.*.secrets"), Canonicalizer::fileReferences));
        RULES.add(new Rule(PathPattern.of("services.*.configs"), Canonicalizer::fileReferences));
        RULES.add(new Rule(PathPattern.of("services.*.healthcheck.test"), Canonicalizer::healthcheckTest));
        RULES.add(new Rule(PathPattern.of("services.*.expose"), Canonicalizer::strings));
    }

    private Canonicalizer() {}

    private static final int DEEPEST = RULES.stream().mapToInt(r -> r.path().depth()).max().orElse(0);
    /** Rules by the last segment of their path, which is never a wildcard: one map look-up per node. */
    private static final java.util.Map<String, List<Rule>> BY_LAST = new java.util.HashMap<>();

    static {
        for (Rule r : RULES) {
            String[] seg = r.path().segments();
            BY_LAST.computeIfAbsent(seg[seg.length - 1], k -> new ArrayList<>()).add(r);
        }
    }

    public static MapNode apply(MapNode root) {
        return (MapNode) walk(root, new ArrayList<>());
    }

    /** Returns the node itself when nothing below it changed, so unchanged subtrees are shared, not copied. */
    private static YamlNode walk(YamlNode node, List<String> path) {
        YamlNode n = node;
        List<Rule> candidates = path.isEmpty() ? List.of() : BY_LAST.getOrDefault(path.get(path.size() - 1), List.of());
        for (Rule r : candidates) {
            if (r.path().matches(path)) {
                n = r.transform().apply(n);
                break;
            }
        }
        if (!(n instanceof MapNode map) || path.size() >= DEEPEST) return n;
        List<MapNode.Entry> out = null;
        int i = 0;
        for (MapNode.Entry e : map.entries()) {
            path.add(e.key());
            YamlNode v = walk(e.value(), path);
            path.remove(path.size() - 1);
            if (v != e.value() && out == null) {
                out = new ArrayList<>(map.size());
                int j = 0;
                for (MapNode.Entry before : map.entries()) {
                    if (j++ == i) break;
                    out.add(before);
                }
            }
            if (out != null) out.add(v == e.value() ? e : new MapNode.Entry(e.key(), e.keyLocation(), v));
            i++;
        }
        return out == null ? map : new MapNode(out, map.location(), map.tag());
    }

    private static ScalarNode nullAt(Location at) {
        return new ScalarNode("", ScalarNode.Kind.NULL, at, null);
    }

    /** {@code [A=1, B]} or {@code {A: 1, B: null}} to {@code {A: "1", B: null}}: values are strings, as in a container's env. */
    private static YamlNode keyValues(YamlNode node) {
        List<MapNode.Entry> out = new ArrayList<>();
        if (node instanceof ListNode list) {
            for (YamlNode item : list.items()) {
                if (!(item instanceof ScalarNode sc) || sc.isNull()) return node;
                String text = sc.value();
                int eq = text.indexOf('=');
                Location at = sc.location();
                if (eq < 0) out.add(new MapNode.Entry(text, at, nullAt(at)));
                else out.add(new MapNode.Entry(text.substring(0, eq), at, ScalarNode.string(text.substring(eq + 1), at)));
            }
            return new MapNode(out, list.location(), list.tag());
        }
        if (node instanceof MapNode map) {
            for (MapNode.Entry e : map.entries()) {
                YamlNode v = e.value();
                if (v instanceof ScalarNode sc && !sc.isNull() && sc.kind() != ScalarNode.Kind.STRING) {
                    v = new ScalarNode(sc.value(), ScalarNode.Kind.STRING, sc.location(), sc.tag());
                }
                out.add(new MapNode.Entry(e.key(), e.keyLocation(), v));
            }
            return new MapNode(out, map.location(), map.tag());
        }
        return node;
    }

    /** {@code [db, cache]} to {@code {db: null, cache: null}}; the binder fills in the defaults. */
    private static YamlNode names(YamlNode node) {
        if (!(node instanceof ListNode list)) return node;
        List<MapNode.Entry> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof ScalarNode sc) || sc.isNull()) return node;
            out.add(new MapNode.Entry(sc.value(), sc.location(), nullAt(sc.location())));
        }
        return new MapNode(out, list.location(), list.tag());
    }

    /** A single string to a one-item list. */
    private static YamlNode list(YamlNode node) {
        if (node instanceof ScalarNode sc && !sc.isNull()) return new ListNode(List.of(sc), sc.location(), sc.tag());
        return node;
    }

    /** {@code {path: x}} and {@code {path: x, required: true}} say no more than {@code x}. */
    private static YamlNode envFiles(YamlNode node) {
        if (!(node instanceof ListNode list)) return node;
        List<YamlNode> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (item instanceof MapNode m && m.get("path") instanceof ScalarNode path && m.size() <= 2
                    && (m.size() == 1 || (m.get("required") instanceof ScalarNode req && req.value().equalsIgnoreCase("true")))) {
                out.add(ScalarNode.string(path.value(), path.location()));
            } else {
                out.add(item);
            }
        }
        return new ListNode(out, list.location(), list.tag());
    }

    /** {@code {host: ip}}, {@code {host: [ip, ip]}} and {@code [host:ip]} to {@code [host=ip]}. */
    private static YamlNode extraHosts(YamlNode node) {
        List<YamlNode> out = new ArrayList<>();
        if (node instanceof MapNode map) {
            for (MapNode.Entry e : map.entries()) {
                List<YamlNode> ips = e.value() instanceof ListNode l ? l.items() : List.of(e.value());
                for (YamlNode ip : ips) {
                    if (!(ip instanceof ScalarNode sc) || sc.isNull()) return node;
                    out.add(ScalarNode.string(e.key() + "=" + sc.value(), sc.location()));
                }
            }
            return new ListNode(out, map.location(), map.tag());
        }
        if (node instanceof ListNode list) {
            for (YamlNode item : list.items()) {
                if (!(item instanceof ScalarNode sc) || sc.isNull()) return node;
                String text = sc.value();
                int colon = text.indexOf(':');
                if (!text.contains("=") && colon > 0) text = text.substring(0, colon) + "=" + text.substring(colon + 1);
                out.add(ScalarNode.string(text, sc.location()));
            }
            return new ListNode(out, list.location(), list.tag());
        }
        return node;
    }

    /** {@code [name]} to {@code [{source: name}]}. */
    private static YamlNode fileReferences(YamlNode node) {
        if (!(node instanceof ListNode list)) return node;
        List<YamlNode> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            out.add(item instanceof ScalarNode sc && !sc.isNull()
                    ? new MapNode(List.of(new MapNode.Entry("source", sc.location(), sc)), sc.location(), null) : item);
        }
        return new ListNode(out, list.location(), list.tag());
    }

    /** {@code test: "cmd"} runs through a shell: {@code ["CMD-SHELL", "cmd"]}. */
    private static YamlNode healthcheckTest(YamlNode node) {
        if (node instanceof ScalarNode sc && !sc.isNull()) {
            return new ListNode(List.of(ScalarNode.string("CMD-SHELL", sc.location()), sc), sc.location(), sc.tag());
        }
        return node;
    }

    /** Every item a string ({@code expose: [3000, "8000"]}). */
    private static YamlNode strings(YamlNode node) {
        if (!(node instanceof ListNode list)) return node;
        List<YamlNode> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            out.add(item instanceof ScalarNode sc && !sc.isNull() && sc.kind() != ScalarNode.Kind.STRING
                    ? new ScalarNode(sc.value(), ScalarNode.Kind.STRING, sc.location(), sc.tag()) : item);
        }
        return new ListNode(out, list.location(), list.tag());
    }

    private static YamlNode build(YamlNode node) {
        if (node instanceof ScalarNode sc && !sc.isNull()) {
            return new MapNode(List.of(new MapNode.Entry("context", sc.location(), sc)), sc.location(), sc.tag());
        }
        return node;
    }
}
