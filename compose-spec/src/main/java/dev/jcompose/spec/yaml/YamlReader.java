package dev.jcompose.spec.yaml;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads one YAML document into a {@link YamlNode} tree that keeps file:line:col for every node, built straight from
 * snakeyaml-engine's parser events (its node layer cost as much again as parsing, for nothing we use). Scalars are
 * typed by YAML 1.2's core schema; anchors and aliases are resolved here; {@code <<} merge keys (YAML 1.1, still
 * used by Compose files) are applied, explicit keys winning over merged ones; duplicate keys are errors, as in
 * compose.
 */
public final class YamlReader {
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

    private final String fileName;
    private final Iterator<Event> events;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Map<String, YamlNode> anchors = new HashMap<>();

    private YamlReader(String fileName, Iterator<Event> events) {
        this.fileName = fileName;
        this.events = events;
    }

    /** Parses {@code text}; an empty document gives an empty mapping. */
    public static MapNode readDocument(String fileName, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(fileName)
                .setCodePointLimit(64 * 1024 * 1024)
                .build();
        YamlReader reader = new YamlReader(fileName, new Parse(settings).parseString(text).iterator());
        YamlNode tree;
        try {
            tree = reader.document();
        } catch (MarkedYamlEngineException e) {
            throw new ComposeException(reader.syntaxError(e));
        } catch (YamlEngineException e) {
            throw new ComposeException(new Diagnostic(Location.of(fileName), "", "invalid YAML: " + e.getMessage()));
        }
        if (!reader.problems.isEmpty()) throw new ComposeException(reader.problems);
        if (tree == null) return MapNode.empty(new Location(fileName, 1, 1));
        if (!(tree instanceof MapNode map)) {
            throw new ComposeException(new Diagnostic(tree.location(), "",
                    "top-level object must be a mapping, found " + tree.kindName()));
        }
        return map;
    }

    private Diagnostic syntaxError(MarkedYamlEngineException e) {
        Location at = e.getProblemMark().map(this::location)
                .or(() -> e.getContextMark().map(this::location)).orElse(Location.of(fileName));
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        StringBuilder message = new StringBuilder("invalid YAML: ").append(problem);
        if (e.getContext() != null) {
            message.append(" (").append(e.getContext());
            e.getContextMark().map(this::location).filter(l -> !l.equals(at))
                    .ifPresent(l -> message.append(" started at line ").append(l.line()).append(", column ").append(l.column()));
            message.append(')');
        }
        return new Diagnostic(at, "", message.toString());
    }

    /** The first document's root, or null when the stream holds none; later documents are not read. */
    private YamlNode document() {
        while (events.hasNext()) {
            Event e = events.next();
            switch (e.getEventId()) {
                case DocumentStart:
                    return events.hasNext() ? node(events.next()) : null;
                case StreamEnd:
                    return null;
                default:
                    break;
            }
        }
        return null;
    }

    private Location location(Mark mark) {
        return new Location(fileName, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private Location location(Event event) {
        Optional<Mark> mark = event.getStartMark();
        return mark.isPresent() ? location(mark.get()) : Location.of(fileName);
    }

    private YamlNode node(Event event) {
        if (event instanceof AliasEvent alias) {
            YamlNode target = anchors.get(alias.getAlias().getValue());
            if (target == null) {
                problems.add(new Diagnostic(location(event), "", "unknown alias *" + alias.getAlias().getValue(),
                        "define the anchor &" + alias.getAlias().getValue() + " before using it"));
                return new ScalarNode("", ScalarNode.Kind.NULL, location(event), null);
            }
            return target;
        }
        YamlNode result;
        if (event instanceof MappingStartEvent m) {
            result = mapping(m);
        } else if (event instanceof SequenceStartEvent seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Event next = events.next(); next.getEventId() != Event.ID.SequenceEnd; next = events.next()) items.add(node(next));
            result = new ListNode(items, location(event), customTag(seq));
        } else if (event instanceof ScalarEvent sc) {
            result = new ScalarNode(sc.getValue(), kind(sc), location(event), customTag(sc));
        } else {
            throw new IllegalStateException("unexpected YAML event " + event);
        }
        if (event instanceof NodeEvent ne) ne.getAnchor().ifPresent(a -> anchors.put(a.getValue(), result));
        return result;
    }

    private MapNode mapping(MappingStartEvent start) {
        LinkedHashMap<String, MapNode.Entry> explicit = new LinkedHashMap<>();
        List<MapNode> mergeSources = new ArrayList<>();
        for (Event keyEvent = events.next(); keyEvent.getEventId() != Event.ID.MappingEnd; keyEvent = events.next()) {
            Location keyAt = location(keyEvent);
            if (!(keyEvent instanceof ScalarEvent keyScalar)) {
                problems.add(new Diagnostic(keyAt, "", "mapping keys must be strings"));
                node(keyEvent); // skip the key...
                node(events.next()); // ...and its value
                continue;
            }
            String key = keyScalar.getValue();
            YamlNode value = node(events.next());
            if (key.equals("<<") && keyScalar.getScalarStyle() == ScalarStyle.PLAIN) {
                collectMergeSources(value, mergeSources);
                continue;
            }
            MapNode.Entry previous = explicit.get(key);
            if (previous != null) {
                problems.add(new Diagnostic(keyAt, "", "duplicate key \"" + key + "\"",
                        "first defined at line " + previous.keyLocation().line()));
                continue;
            }
            explicit.put(key, new MapNode.Entry(key, keyAt, value));
        }
        if (mergeSources.isEmpty()) return new MapNode(List.copyOf(explicit.values()), location(start), customTag(start));
        // Merged keys come first, in source order; an earlier source wins over a later one; explicit keys win.
        LinkedHashMap<String, MapNode.Entry> merged = new LinkedHashMap<>();
        for (MapNode source : mergeSources) {
            for (MapNode.Entry e : source.entries()) merged.putIfAbsent(e.key(), e);
        }
        merged.putAll(explicit);
        return new MapNode(List.copyOf(merged.values()), location(start), customTag(start));
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

    /** YAML 1.2 core schema for plain scalars; quoted and block scalars are strings; explicit !!tags are honoured. */
    static ScalarNode.Kind kind(ScalarEvent sc) {
        Optional<String> tag = sc.getTag();
        if (tag.isPresent() && !tag.get().equals("!")) {
            switch (tag.get()) {
                case "tag:yaml.org,2002:null": return ScalarNode.Kind.NULL;
                case "tag:yaml.org,2002:bool": return ScalarNode.Kind.BOOL;
                case "tag:yaml.org,2002:int": return ScalarNode.Kind.INT;
                case "tag:yaml.org,2002:float": return ScalarNode.Kind.FLOAT;
                default:
                    if (!tag.get().startsWith("!")) return ScalarNode.Kind.STRING;
            }
        }
        if (sc.getScalarStyle() != ScalarStyle.PLAIN) return ScalarNode.Kind.STRING;
        return plainKind(sc.getValue());
    }

    static ScalarNode.Kind plainKind(String v) {
        if (v.isEmpty()) return ScalarNode.Kind.NULL;
        char c = v.charAt(0);
        // most values are words: decide those on the first letter without a regex
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            if (INT.matcher(v).matches()) return ScalarNode.Kind.INT;
            if (FLOAT.matcher(v).matches()) return ScalarNode.Kind.FLOAT;
            return ScalarNode.Kind.STRING;
        }
        switch (v) {
            case "~": case "null": case "Null": case "NULL": return ScalarNode.Kind.NULL;
            case "true": case "True": case "TRUE": case "false": case "False": case "FALSE": return ScalarNode.Kind.BOOL;
            default: return ScalarNode.Kind.STRING;
        }
    }

    private static String customTag(NodeEvent event) {
        Optional<String> tag = event instanceof ScalarEvent s ? s.getTag()
                : event instanceof CollectionStartEvent c ? c.getTag() : Optional.empty();
        if (tag.isEmpty()) return null;
        String value = tag.get();
        return value.startsWith("!") && !value.startsWith("!!") && !value.equals("!") ? value : null;
    }
}
