package dev.jcompose.planner;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What decides which images a build makes and how.
 *
 * @param when      which services with a build section are built
 * @param buildArgs {@code --build-arg KEY=VALUE}: win over the file's args
 */
public record BuildOptions(When when, boolean noCache, boolean pull, SortedMap<String, String> buildArgs) {
    /** {@code up --build} / {@code --no-build} as one choice. */
    public enum When {
        /** Only images that are missing or whose {@code pull_policy} is {@code build} (the default of up and run). */
        IF_MISSING,
        /** Every service that has a build section ({@code jcompose build}, {@code up --build}). */
        ALWAYS,
        /** {@code up --no-build}: nothing. */
        NEVER
    }

    public BuildOptions {
        Objects.requireNonNull(when, "when");
        buildArgs = Collections.unmodifiableSortedMap(new TreeMap<>(buildArgs));
    }

    public static BuildOptions ifMissing() {
        return new BuildOptions(When.IF_MISSING, false, false, new TreeMap<>());
    }

    public static BuildOptions never() {
        return new BuildOptions(When.NEVER, false, false, new TreeMap<>());
    }

    public static BuildOptions forced(boolean noCache, boolean pull, Map<String, String> buildArgs) {
        return new BuildOptions(When.ALWAYS, noCache, pull, new TreeMap<>(buildArgs));
    }
}
