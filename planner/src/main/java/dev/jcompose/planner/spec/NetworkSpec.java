package dev.jcompose.planner.spec;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a create-network call sends. */
public record NetworkSpec(String name, String driver, SortedMap<String, String> options, SortedMap<String, String> labels,
                          boolean internal, boolean attachable, Boolean enableIpv6) {
    public NetworkSpec {
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
