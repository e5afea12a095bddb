package dev.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the strings of one parity case that differ by design between the two tools' runs: each tool's project
 * name becomes {@code <project>}; container names (v1's {@code <project>_<service>_<n>} and
 * {@code <service>_<n>}, v2's {@code <project>-<service>-<n>}) become {@code <project>-<service>-<n>} and
 * {@code <service>-<n>}; a container's id, whole or short, becomes that container's rewritten name.
 */
final class ParityNames implements UnaryOperator<String> {
    static final String PROJECT = "<project>";

    private final List<String> projects;
    private final Map<String, String> literal = new LinkedHashMap<>();
    private final Map<Pattern, String> bare = new LinkedHashMap<>();

    /**
     * @param jcompose   jcompose's project name
     * @param v1         docker-compose v1's project name
     * @param containers every container both tools made in the case ({@code docker inspect} output)
     */
    ParityNames(String jcompose, String v1, List<JsonNode> containers) {
        this.projects = List.of(jcompose, v1);
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode c : containers) {
            String name = c.path("Name").asText().replaceFirst("^/", "");
            String service = c.path("Config").path("Labels").path("com.docker.compose.service").asText();
            String number = c.path("Config").path("Labels").path("com.docker.compose.container-number").asText();
            String canonical = canonicalName(name, service, number);
            String id = c.path("Id").asText();
            ids.put(id, canonical);
            ids.put(id.substring(0, 12), canonical);
            if (!canonical.equals(name)) names.put(name, canonical);
            if (!service.isEmpty() && !number.isEmpty()) {
                // v1's name without the project, as it writes it among a link's names
                bare.put(Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(service + "_" + number) + "(?![A-Za-z0-9_.-])"),
                        Matcher.quoteReplacement(service + "-" + number));
            }
        }
        // longest first, so that a name is never rewritten through a shorter one it starts with
        List<Map.Entry<String, String>> ordered = new ArrayList<>(ids.entrySet());
        ordered.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()));
        ordered.forEach(e -> literal.put(e.getKey(), e.getValue()));
        List<Map.Entry<String, String>> byName = new ArrayList<>(names.entrySet());
        byName.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()));
        byName.forEach(e -> literal.put(e.getKey(), e.getValue()));
    }

    private String canonicalName(String name, String service, String number) {
        for (String p : projects) {
            if (name.equals(p + "_" + service + "_" + number) || name.equals(p + "-" + service + "-" + number)) {
                return PROJECT + "-" + service + "-" + number;
            }
        }
        return name; // container_name: the same for both tools
    }

    @Override
    public String apply(String s) {
        for (Map.Entry<String, String> e : literal.entrySet()) s = s.replace(e.getKey(), e.getValue());
        for (Map.Entry<Pattern, String> e : bare.entrySet()) s = e.getKey().matcher(s).replaceAll(e.getValue());
        for (String p : projects) s = s.replace(p, PROJECT);
        return s;
    }
}
