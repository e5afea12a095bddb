package dev.jcompose.executor.request;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request body being written: fields in the order they are put, and only those with something to say, so that
 * what is left out takes the engine's default and a golden file shows just what a service asked for.
 */
final class Body {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Puts {@code value} unless it is null, an empty collection or an empty map. */
    Body put(String key, Object value) {
        if (value == null) return this;
        if (value instanceof Collection<?> c && c.isEmpty()) return this;
        if (value instanceof Map<?, ?> m && m.isEmpty()) return this;
        fields.put(key, value);
        return this;
    }

    /** Puts {@code value} even when empty: fields the engine reads as "none" rather than "default". */
    Body always(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Puts true only: false is the engine's default for every flag written this way. */
    Body flag(String key, boolean value) {
        if (value) fields.put(key, true);
        return this;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    Map<String, Object> map() {
        return fields;
    }
}
