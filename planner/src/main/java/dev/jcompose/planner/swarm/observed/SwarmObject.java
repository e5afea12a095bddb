package dev.jcompose.planner.swarm.observed;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A config or a secret as the engine reports it (its data is never read back). */
public record SwarmObject(String id, String name, SortedMap<String, String> labels) {
    public SwarmObject {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
