package dev.jcompose.planner.swarm.observed;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A network as the engine reports it; {@code scope} is {@code swarm} for overlays. */
public record SwarmNetwork(String id, String name, String driver, String scope, SortedMap<String, String> labels) {
    public SwarmNetwork {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
