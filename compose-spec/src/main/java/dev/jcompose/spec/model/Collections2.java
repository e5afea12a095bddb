package dev.jcompose.spec.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable sorted copies for the records' compact constructors. */
final class Collections2 {
    private Collections2() {}

    static <V> SortedMap<String, V> sortedCopy(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }
}
