package dev.jcompose.executor;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A volume as the engine lists it ({@code GET /volumes}), with what docker's volume listing prints of it. */
public record VolumeSummary(String name, String driver, String scope, String mountpoint, SortedMap<String, String> labels) {
    public VolumeSummary {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
