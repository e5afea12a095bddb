package dev.jcompose.executor.docker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The engine's JSON as plain maps, lists, strings, longs, doubles and booleans, read and written with jackson-core's
 * streaming parser and generator, and small typed accessors over them. The calls on the paths of up, ps and down
 * (list, inspect, create, start, stop, remove...) use this instead of docker-java's model classes: binding those
 * through jackson-databind introspects dozens of classes at first use, a tenth of a second of a cold start, for a
 * dozen fields.
 */
final class EngineJson {
    private final JsonFactory factory = new JsonFactory();

    Object read(InputStream in) throws IOException {
        try (JsonParser p = factory.createParser(in)) {
            return p.nextToken() == null ? null : value(p);
        }
    }

    /** Each of the JSON values one after the other in {@code in} (a stream of events), to {@code each}, until it ends. */
    void readEach(InputStream in, Consumer<Object> each) throws IOException {
        try (JsonParser p = factory.createParser(in)) {
            while (p.nextToken() != null) each.accept(value(p));
        }
    }

    /** {@code value} parsed from JSON text (a header's). */
    Object read(String text) throws IOException {
        try (JsonParser p = factory.createParser(text)) {
            return p.nextToken() == null ? null : value(p);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** {@code value} (maps, lists, strings, numbers, booleans, nulls) as JSON bytes. */
    byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator g = factory.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(com.fasterxml.jackson.core.JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Iterable<?> l) {
            g.writeStartArray();
            for (Object o : l) write(g, o);
            g.writeEndArray();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else {
            g.writeString(String.valueOf(value));
        }
    }

    static String string(Object object, String key) {
        return object instanceof Map<?, ?> m && m.get(key) instanceof String s ? s : null;
    }

    static long number(Object object, String key) {
        return object instanceof Map<?, ?> m && m.get(key) instanceof Number n ? n.longValue() : 0;
    }

    static Object field(Object object, String key) {
        return object instanceof Map<?, ?> m ? m.get(key) : null;
    }

    static List<?> list(Object object, String key) {
        return object instanceof Map<?, ?> m && m.get(key) instanceof List<?> l ? l : List.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    static List<String> strings(Object object, String key) {
        List<String> out = new ArrayList<>();
        for (Object o : list(object, key)) if (o instanceof String s) out.add(s);
        return out;
    }

    /** A string-to-string map (labels), sorted; a missing or null one is empty. */
    static TreeMap<String, String> stringMap(Object object, String key) {
        TreeMap<String, String> out = new TreeMap<>();
        if (field(object, key) instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return out;
    }
}
