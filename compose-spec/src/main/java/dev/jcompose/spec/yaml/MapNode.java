package dev.jcompose.spec.yaml;

import dev.jcompose.spec.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML mapping with string keys, in the order they were written; each key keeps its own location. */
public final class MapNode implements YamlNode {
    /** One key of a mapping: where the key was written, and its value. */
    public record Entry(String key, Location keyLocation, YamlNode value) {}

    private final Map<String, Entry> entries;
    private final Location location;
    private final String tag;

    public MapNode(List<Entry> entries, Location location, String tag) {
        LinkedHashMap<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) map.put(e.key(), e);
        this.entries = Collections.unmodifiableMap(map);
        this.location = location;
        this.tag = tag;
    }

    public static MapNode empty(Location location) {
        return new MapNode(List.of(), location, null);
    }

    public Iterable<Entry> entries() {
        return entries.values();
    }

    public Map<String, Entry> entryMap() {
        return entries;
    }

    public YamlNode get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public int size() {
        return entries.size();
    }

    /** A copy with one key set (replaced in place, or added at the end). */
    public MapNode with(String key, Location keyLocation, YamlNode value) {
        LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries);
        Entry old = copy.get(key);
        copy.put(key, new Entry(key, old != null ? old.keyLocation() : keyLocation, value));
        return new MapNode(List.copyOf(copy.values()), location, tag);
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public Object toPlain() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : entries.values()) out.put(e.key(), e.value().toPlain());
        return out;
    }

    @Override
    public String kindName() {
        return "a mapping";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapNode other && other.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "MapNode" + entries.values();
    }
}
