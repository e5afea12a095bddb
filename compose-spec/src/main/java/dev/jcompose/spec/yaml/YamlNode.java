package dev.jcompose.spec.yaml;

import dev.jcompose.spec.Location;

/** A node of a Compose file's YAML tree that remembers where it was written. Immutable. */
public sealed interface YamlNode permits MapNode, ListNode, ScalarNode {
    Location location();

    /** A non-standard tag such as {@code !reset} or {@code !override}, or null. */
    String tag();

    /** The node as plain Java values: LinkedHashMap, ArrayList, String, Long, Double, Boolean or null. */
    Object toPlain();

    /** A short word for messages: "a mapping", "a list", "a string"... */
    String kindName();
}
