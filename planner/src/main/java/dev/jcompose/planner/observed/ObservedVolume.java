package dev.jcompose.planner.observed;

import dev.jcompose.planner.Labels;
import java.util.SortedMap;
import java.util.TreeMap;

/** A volume as the engine reported it. */
public record ObservedVolume(String name, String driver, SortedMap<String, String> labels) {
    public ObservedVolume {
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public String project() {
        return labels.get(Labels.PROJECT);
    }
}
