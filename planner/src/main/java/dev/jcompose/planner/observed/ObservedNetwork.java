package dev.jcompose.planner.observed;

import dev.jcompose.planner.Labels;
import java.util.SortedMap;
import java.util.TreeMap;

/** A network as the engine reported it. */
public record ObservedNetwork(String id, String name, String driver, SortedMap<String, String> labels) {
    public ObservedNetwork {
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public String project() {
        return labels.get(Labels.PROJECT);
    }
}
