package dev.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.PublishedPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ps --format json}: one object per line, as docker compose v2 prints them, with its container summary's keys
 * and types ({@code ID}, {@code Name}, {@code Names}, {@code Image}, {@code Command}, {@code Project},
 * {@code Service}, {@code Created} (seconds), {@code State}, {@code Status}, {@code Health}, {@code ExitCode},
 * {@code Publishers} of {@code URL}/{@code TargetPort}/{@code PublishedPort}/{@code Protocol}, {@code Labels},
 * {@code Mounts}, {@code Networks}, {@code LocalVolumes}; its sizes only with a size flag, which ps has not), so that a script written for its output reads ours.
 */
final class PsJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXIT = Pattern.compile("^Exited \\((-?\\d+)\\)");

    private PsJson() {}

    static String lines(List<ObservedContainer> containers) throws JsonProcessingException {
        StringBuilder out = new StringBuilder();
        for (ObservedContainer c : containers) out.append(JSON.writeValueAsString(summary(c))).append('\n');
        return out.toString();
    }

    static Map<String, Object> summary(ObservedContainer c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", c.id());
        row.put("Name", c.name());
        row.put("Names", List.of(c.name()));
        row.put("Image", c.image());
        row.put("Command", c.command());
        row.put("Project", c.project());
        row.put("Service", c.service());
        row.put("Created", c.created());
        row.put("State", c.state());
        row.put("Status", c.status());
        row.put("Health", health(c.status()));
        row.put("ExitCode", exitCode(c.status()));
        List<Map<String, Object>> publishers = new ArrayList<>();
        for (PublishedPort p : c.ports()) {
            Map<String, Object> pub = new LinkedHashMap<>();
            pub.put("URL", p.ip() == null ? "" : p.ip());
            pub.put("TargetPort", p.privatePort());
            pub.put("PublishedPort", p.publicPort() == null ? 0 : p.publicPort());
            pub.put("Protocol", p.type());
            publishers.add(pub);
        }
        row.put("Publishers", publishers);
        row.put("Labels", c.labels());
        row.put("Mounts", c.mounts());
        row.put("Networks", c.networks());
        // the named volumes it mounts: anonymous ones are named by a 64-hex id, named ones by <project>_<name>
        row.put("LocalVolumes", (int) c.volumeMounts().values().stream().filter(v -> !v.matches("[0-9a-f]{64}")).count());
        return row;
    }

    /** The health docker compose reports: what the status says in brackets ({@code healthy}, {@code starting}...), else empty. */
    static String health(String status) {
        if (status.contains("(healthy)")) return "healthy";
        if (status.contains("(unhealthy)")) return "unhealthy";
        if (status.contains("(health: starting)")) return "starting";
        return "";
    }

    /** The exit code an exited container's status names; 0 for one that runs. */
    static int exitCode(String status) {
        Matcher m = EXIT.matcher(status);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
