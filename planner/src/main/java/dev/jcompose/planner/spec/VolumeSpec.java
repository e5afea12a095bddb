package dev.jcompose.planner.spec;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a create-volume call sends. */
public record VolumeSpec(String name, String driver, SortedMap<String, String> options, SortedMap<String, String> labels) {
    public VolumeSpec {
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
