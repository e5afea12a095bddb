package dev.jcompose.planner;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What decides which images a build makes and how.
 *
 * @param always    build every service that has a build section ({@code jcompose build}, {@code up --build});
 *                  otherwise only images that are missing or whose {@code pull_policy} is {@code build}
 * @param never     {@code up --no-build}: build nothing
 * @param buildArgs {@code --build-arg KEY=VALUE}: win over the file's args
 */
public record BuildOptions(boolean always, boolean never, boolean noCache, boolean pull, SortedMap<String, String> buildArgs) {
    public BuildOptions {
        buildArgs = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(buildArgs));
    }

    public static BuildOptions ifMissing() {
        return new BuildOptions(false, false, false, false, new TreeMap<>());
    }

    public static BuildOptions forced(boolean noCache, boolean pull, Map<String, String> buildArgs) {
        return new BuildOptions(true, false, noCache, pull, new TreeMap<>(buildArgs));
    }
}
