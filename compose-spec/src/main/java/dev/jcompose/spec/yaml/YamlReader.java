package dev.jcompose.spec.yaml;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Location;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads one YAML document into a {@link YamlNode} tree that keeps file:line:col for every node.
 * Anchors and aliases are resolved by snakeyaml-engine; {@code <<} merge keys (YAML 1.1, still used by Compose
 * files) are applied here, explicit keys winning over merged ones. Duplicate keys are errors, as in compose.
 */
public final class YamlReader {
    private final String fileName;
    private final List<Diagnostic> problems = new ArrayList<>();
    // Aliased nodes are converted once: anchors are shared, and a recursive alias must not loop forever.
    private final Map<Node, YamlNode> converted = new IdentityHashMap<>();

    private YamlReader(String fileName) {
        this.fileName = fileName;
    }

    /** Parses {@code text}; an empty document gives an empty mapping. */
    public static MapNode readDocument(String fileName, String text) {
        YamlReader reader = new YamlReader(fileName);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(fileName)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both lines
                .setMaxAliasesForCollections(10_000)
                .setCodePointLimit(64 * 1024 * 1024)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Location at = e.getProblemMark().map(reader::location)
                    .or(() -> e.getContextMark().map(reader::location)).orElse(Location.of(fileName));
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            StringBuilder message = new StringBuilder("invalid YAML: ").append(problem);
            if (e.getContext() != null) {
                message.append(" (").append(e.getContext());
                e.getContextMark().map(reader::location).filter(l -> !l.equals(at))
                        .ifPresent(l -> message.append(" started at line ").append(l.line()).append(", column ").append(l.column()));
                message.append(')');
            }
            throw new ComposeException(new Diagnostic(at, "", message.toString()));
        } catch (YamlEngineException e) {
            throw new ComposeException(new Diagnostic(Location.of(fileName), "", "invalid YAML: " + e.getMessage()));
        }
        if (root.isEmpty()) return MapNode.empty(new Location(fileName, 1, 1));
        YamlNode tree = reader.convert(root.get());
        if (!reader.problems.isEmpty()) throw new ComposeException(reader.problems);
        if (!(tree instanceof MapNode map)) {
            throw new ComposeException(new Diagnostic(tree.location(), "",
                    "top-level object must be a mapping, found " + tree.kindName()));
        }
        return map;
    }

    private Location location(Mark mark) {
        return new Location(fileName, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private Location location(Node node) {
        return node.getStartMark().map(this::location).orElse(Location.of(fileName));
    }

    private YamlNode convert(Node node) {
        YamlNode done = converted.get(node);
        if (done != null) return done;
        YamlNode result;
        String tag = customTag(node.getTag());
        if (node instanceof MappingNode m) {
            converted.put(node, MapNode.empty(location(node))); // placeholder breaks alias cycles
            result = convertMapping(m, tag);
        } else if (node instanceof SequenceNode s) {
            List<YamlNode> items = new ArrayList<>();
            for (Node child : s.getValue()) items.add(convert(child));
            result = new ListNode(items, location(node), tag);
        } else {
            org.snakeyaml.engine.v2.nodes.ScalarNode sc = (org.snakeyaml.engine.v2.nodes.ScalarNode) node;
            result = new ScalarNode(sc.getValue(), scalarKind(sc), location(node), tag);
        }
        converted.put(node, result);
        return result;
    }

    private MapNode convertMapping(MappingNode m, String tag) {
        LinkedHashMap<String, MapNode.Entry> explicit = new LinkedHashMap<>();
        List<MapNode> mergeSources = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode keyScalar)) {
                problems.add(new Diagnostic(location(keyNode), "", "mapping keys must be strings"));
                continue;
            }
            String key = keyScalar.getValue();
            if (key.equals("<<") && keyScalar.getScalarStyle().toString().equals("PLAIN")) {
                collectMergeSources(convert(t.getValueNode()), mergeSources);
                continue;
            }
            MapNode.Entry previous = explicit.get(key);
            if (previous != null) {
                problems.add(new Diagnostic(location(keyNode), "", "duplicate key \"" + key + "\"",
                        "first defined at line " + previous.keyLocation().line()));
                continue;
            }
            explicit.put(key, new MapNode.Entry(key, location(keyNode), convert(t.getValueNode())));
        }
        if (mergeSources.isEmpty()) return new MapNode(List.copyOf(explicit.values()), location(m), tag);
        // Merged keys come first, in source order; an earlier source wins over a later one; explicit keys win.
        LinkedHashMap<String, MapNode.Entry> merged = new LinkedHashMap<>();
        for (MapNode source : mergeSources) {
            for (MapNode.Entry e : source.entries()) merged.putIfAbsent(e.key(), e);
        }
        merged.putAll(explicit);
        return new MapNode(List.copyOf(merged.values()), location(m), tag);
    }

    private void collectMergeSources(YamlNode value, List<MapNode> into) {
        if (value instanceof MapNode map) {
            into.add(map);
        } else if (value instanceof ListNode list) {
            for (YamlNode item : list.items()) {
                if (item instanceof MapNode map) into.add(map);
                else problems.add(new Diagnostic(item.location(), "", "a << merge key takes mappings, found " + item.kindName()));
            }
        } else {
            problems.add(new Diagnostic(value.location(), "", "a << merge key takes a mapping or a list of mappings"));
        }
    }

    private static ScalarNode.Kind scalarKind(org.snakeyaml.engine.v2.nodes.ScalarNode sc) {
        Tag t = sc.getTag();
        if (t.equals(Tag.NULL)) return ScalarNode.Kind.NULL;
        if (t.equals(Tag.BOOL)) return ScalarNode.Kind.BOOL;
        if (t.equals(Tag.INT)) return ScalarNode.Kind.INT;
        if (t.equals(Tag.FLOAT)) return ScalarNode.Kind.FLOAT;
        return ScalarNode.Kind.STRING;
    }

    private static String customTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith("!") && !value.startsWith("!!") ? value : null;
    }
}
