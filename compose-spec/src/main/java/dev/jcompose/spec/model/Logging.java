package dev.jcompose.spec.model;

import java.util.SortedMap;

/** The {@code logging} section: a driver (null keeps the engine's default) and its options. */
public record Logging(String driver, SortedMap<String, String> options) {
    public Logging {
        options = Collections2.sortedCopy(options);
    }
}
