package dev.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every typed attribute of the Compose JSON schema ({@code ../shared/conformance}, read in place), as a slot: its
 * path from the top of a file ({@code []} where a list's item is entered, {@code *} where a named entry is) and
 * the JSON types the schema allows there. Objects with properties are entered (a service's, a network's,
 * {@code healthcheck}, {@code deploy.resources.limits}, a long-syntax port...), so nested attributes are slots too.
 */
final class SchemaSlots {
    /** One attribute: where it is and what the schema allows there. */
    record Slot(List<String> path, Set<String> types) {
        @Override
        public String toString() {
            return String.join(".", path) + " " + types;
        }
    }

    private static final int MAX_DEPTH = 8;

    private final JsonNode schema;
    private final List<Slot> slots = new ArrayList<>();

    private SchemaSlots(JsonNode schema) {
        this.schema = schema;
    }

    static List<Slot> read(Path schemaFile) throws IOException {
        SchemaSlots s = new SchemaSlots(new ObjectMapper().readTree(schemaFile.toFile()));
        JsonNode top = s.schema.get("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = top.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            s.walk(List.of(e.getKey()), e.getValue(), 0);
        }
        return List.copyOf(s.slots);
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText(); // "#/$defs/name"
            node = schema.get("$defs").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return node;
    }

    /** The node's alternatives: itself, or each of its oneOf / anyOf, resolved. */
    private List<JsonNode> alternatives(JsonNode node) {
        node = resolve(node);
        List<JsonNode> out = new ArrayList<>();
        for (String k : List.of("oneOf", "anyOf")) {
            if (node.has(k)) for (JsonNode alt : node.get(k)) out.addAll(alternatives(alt));
        }
        if (out.isEmpty() || node.has("type")) out.add(node);
        return out;
    }

    private void walk(List<String> path, JsonNode node, int depth) {
        if (depth > MAX_DEPTH) return;
        Set<String> types = new TreeSet<>();
        List<JsonNode> alts = alternatives(node);
        for (JsonNode alt : alts) {
            JsonNode type = alt.get("type");
            if (type == null) continue;
            if (type.isArray()) type.forEach(t -> types.add(t.asText()));
            else types.add(type.asText());
        }
        if (!types.isEmpty()) slots.add(new Slot(path, types));
        for (JsonNode alt : alts) {
            if (alt.has("properties")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = alt.get("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    walk(append(path, e.getKey()), e.getValue(), depth + 1);
                }
            }
            if (alt.has("patternProperties")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = alt.get("patternProperties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().startsWith("^x-")) continue; // extensions take anything
                    walk(append(path, "*"), e.getValue(), depth + 1);
                }
            }
            if (alt.has("items") && alt.get("items").isObject()) walk(append(path, "[]"), alt.get("items"), depth + 1);
        }
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return List.copyOf(out);
    }
}
