package dev.jcompose.planner.observed;

import dev.jcompose.planner.Labels;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An image on the engine.
 *
 * @param tags    its {@code repository:tag} names; empty for a dangling image (one a rebuild took the name from)
 * @param created seconds since the epoch
 */
public record ObservedImage(String id, List<String> tags, SortedMap<String, String> labels, long created, long size) {
    public ObservedImage {
        tags = List.copyOf(tags);
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public String project() {
        return labels.get(Labels.PROJECT);
    }

    public boolean dangling() {
        return tags.isEmpty() || tags.equals(List.of("<none>:<none>"));
    }
}
