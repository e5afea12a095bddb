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

    /**
     * Deepest nesting of mappings and sequences. Compose files go 5 or 6 levels deep, x- extensions a few more; every
     * pass after this one recurses over the tree, so 10 000 levels would overflow a thread's stack.
     */
    public static final int MAX_DEPTH = 128;
    /**
     * Most nodes aliases may add to the document. Aliases share their anchor's subtree here, but the passes after
     * this one (interpolation, merge, output) walk it once per alias, so a "billion laughs" document would cost
     * time and memory exponential in its size. A stack of 200 services each merging a 50-node {@code <<: *defaults}
     * adds 10 000.
     */
    public static final long MAX_ALIASED_NODES = 100_000;
    /** Most characters snakeyaml's scanner reads; the same bound as {@code TextFiles.COMPOSE_FILE} for text given as is. */
    public static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    private final String fileName;
    private final Iterator<Event> events;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Map<String, YamlNode> anchors = new HashMap<>();
    /** Each anchor's subtree size in nodes, aliases in it expanded: what one more alias to it costs. */
    private final Map<String, Long> anchorSizes = new HashMap<>();
    private long nodes;
    private long aliasedNodes;
    private int depth;

    private YamlReader(String fileName, Iterator<Event> events) {
        this.fileName = fileName;
        this.events = events;
    }

    /** Parses {@code text}; an empty document gives an empty mapping. */
    public static MapNode readDocument(String fileName, String text) {
        // We read parser events, not snakeyaml's nodes, so only the code point limit applies: the alias and recursion
        // settings are checked by snakeyaml's Composer, which this reader replaces (MAX_ALIASED_NODES and MAX_DEPTH do
        // their work here). They are set all the same, to what this reader enforces, so that a later switch to the
        // node API keeps the bounds. snakeyaml-engine 2.10 has no nesting-depth setting.
        LoadSettings settings = LoadSettings.builder()
                .setLabel(fileName)
                .setCodePointLimit(MAX_CODE_POINTS)
                // the whole text in one buffer: with the default 1 KiB one, snakeyaml re-copies its window on each
                // refill inside a token, so a 10 MB scalar took 27 s (quadratic); one buffer costs a few bytes a character
                .setBufferSize(Math.min(text.length(), MAX_CODE_POINTS) + 1)
                .setMaxAliasesForCollections(1000)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .build();
        YamlReader reader = new YamlReader(fileName, new Parse(settings).parseString(text).iterator());
        YamlNode tree;
        try {
            tree = reader.document();
        } catch (MarkedYamlEngineException e) {
            throw new ComposeException(reader.syntaxError(e));
        } catch (LimitExceeded e) {
            throw new ComposeException(e.diagnostic);
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
            String name = alias.getAlias().getValue();
            YamlNode target = anchors.get(name);
            if (target == null) {
                problems.add(new Diagnostic(location(event), "", "unknown alias *" + name,
                        "define the anchor &" + name + " before using it"));
                return new ScalarNode("", ScalarNode.Kind.NULL, location(event), null);
            }
            long size = anchorSizes.get(name);
            nodes += size;
            aliasedNodes += size;
            if (aliasedNodes > MAX_ALIASED_NODES) {
                throw new LimitExceeded(new Diagnostic(location(event), "", "too many aliased nodes: *" + name
                        + " makes the aliases expand to more than " + MAX_ALIASED_NODES + " nodes",
                        "a document of nested aliases (\"billion laughs\") is refused; write the values out"));
            }
            return target;
        }
        long nodesBefore = nodes++;
        YamlNode result;
        if (event instanceof MappingStartEvent m) {
            enter(event);
            result = mapping(m);
            depth--;
        } else if (event instanceof SequenceStartEvent seq) {
            enter(event);
            List<YamlNode> items = new ArrayList<>();
            for (Event next = events.next(); next.getEventId() != Event.ID.SequenceEnd; next = events.next()) items.add(node(next));
            result = new ListNode(items, location(event), customTag(seq));
            depth--;
        } else if (event instanceof ScalarEvent sc) {
            result = new ScalarNode(sc.getValue(), kind(sc), location(event), customTag(sc));
        } else {
            throw new IllegalStateException("unexpected YAML event " + event);
        }
        if (event instanceof NodeEvent ne) {
            ne.getAnchor().ifPresent(a -> {
                anchors.put(a.getValue(), result);
                anchorSizes.put(a.getValue(), nodes - nodesBefore);
            });
        }
        return result;
    }

    private void enter(Event collectionStart) {
        if (++depth > MAX_DEPTH) {
            throw new LimitExceeded(new Diagnostic(location(collectionStart), "",
                    "nested more than " + MAX_DEPTH + " levels deep", "a Compose file needs a handful of levels"));
        }
    }

    /** Ends the read at the first limit passed: what follows may be what makes the document hostile. */
    private static final class LimitExceeded extends RuntimeException {
        private final transient Diagnostic diagnostic;

        LimitExceeded(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
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
