package dev.jcompose.cli;

import dev.jcompose.planner.observed.ObservedContainer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code web-1  | } prefixes of container output, as docker compose prints them for attached {@code up} and
 * {@code logs}: the container's name without the project, padded to the longest of the containers shown; in colour
 * when ANSI is on, each container its own from docker compose's rainbow (cyan, yellow, green, magenta, blue, then
 * their bright forms), in the order the containers are shown.
 */
final class LogPrefixes {
    /** docker compose's rainbow: the ANSI codes of its colours, in its order. */
    static final List<String> RAINBOW = List.of("36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1");

    /** Container name to the name shown. */
    private final Map<String, String> shown = new HashMap<>();
    /** Container name to its colour's ANSI code, when coloured. */
    private final Map<String, String> colours = new HashMap<>();
    private final int width;

    LogPrefixes(String project, List<ObservedContainer> containers) {
        this(project, containers, false);
    }

    LogPrefixes(String project, List<ObservedContainer> containers, boolean coloured) {
        int widest = 0;
        int next = 0;
        for (ObservedContainer c : containers) {
            String name = shownName(project, c);
            shown.put(c.name(), name);
            widest = Math.max(widest, name.length());
            if (coloured) colours.put(c.name(), RAINBOW.get(next++ % RAINBOW.size()));
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
        String prefix = name + " ".repeat(width - name.length()) + "  |";
        String colour = colours.get(c.name());
        return (colour == null ? prefix : "\033[" + colour + "m" + prefix + "\033[0m") + " ";
    }
}
