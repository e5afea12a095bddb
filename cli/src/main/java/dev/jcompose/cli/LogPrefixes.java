package dev.jcompose.cli;

import dev.jcompose.planner.observed.ObservedContainer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code web-1  | } prefixes of container output, as docker compose prints them for attached {@code up} and
 * {@code logs}: the container's name without the project, padded to the longest of the containers shown.
 */
final class LogPrefixes {
    /** Container name to the name shown. */
    private final Map<String, String> shown = new HashMap<>();
    private final int width;

    LogPrefixes(String project, List<ObservedContainer> containers) {
        int widest = 0;
        for (ObservedContainer c : containers) {
            String name = shownName(project, c);
            shown.put(c.name(), name);
            widest = Math.max(widest, name.length());
        }
        this.width = widest;
    }

    /** {@code web-1} for {@code <project>-web-1}; a {@code container_name} is shown as it is. */
    private static String shownName(String project, ObservedContainer c) {
        String standard = project + "-" + c.service() + "-" + c.number();
        return c.name().equals(standard) ? c.service() + "-" + c.number() : c.name();
    }

    /** The name shown for the container: {@code web-1}. */
    String name(ObservedContainer c) {
        return shown.get(c.name());
    }

    /** What goes before each of the container's lines: {@code web-1  | }. */
    String of(ObservedContainer c) {
        String name = name(c);
        return name + " ".repeat(width - name.length()) + "  | ";
    }
}
