package dev.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.EngineEvent;
import dev.jcompose.planner.Labels;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A container event as docker compose v2's {@code events} prints it: the compose labels left out of its attributes,
 * the time in the local zone; as text, or with {@code --json} as one object with the keys docker compose writes.
 */
record EventLine(EngineEvent event, ZoneId zone) {
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final ObjectMapper JSON = new ObjectMapper();

    String service() {
        return event.attributes().getOrDefault(Labels.SERVICE, "");
    }

    /** The actor's attributes without the {@code com.docker.compose.*} labels, as docker compose passes them on. */
    SortedMap<String, String> attributes() {
        SortedMap<String, String> out = new TreeMap<>();
        event.attributes().forEach((k, v) -> {
            if (!k.startsWith("com.docker.compose.")) out.put(k, v);
        });
        return out;
    }

    /**
     * {@code 2026-12-01 10:00:00.000000 container start <id> (image=..., name=...)}, attributes in name order (Go's map
     * order is random). docker compose's line already ends in a newline and is printed with one more, so each event
     * is followed by an empty line there; this text keeps that, so that what reads docker compose's reads it.
     */
    String text() {
        List<String> attrs = new ArrayList<>();
        attributes().forEach((k, v) -> attrs.add(k + "=" + v));
        return TEXT_TIME.format(event.time().atZone(zone)) + " container " + event.action() + " " + event.id()
                + " (" + String.join(", ", attrs) + ")\n";
    }

    /** One line of JSON, keys in the order Go writes a map's: action, attributes, id, service, time, type. */
    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", event.action());
        m.put("attributes", attributes());
        m.put("id", event.id());
        m.put("service", service());
        // Go's time.Time in JSON: RFC 3339 with the fraction's trailing zeros dropped, Z for UTC
        m.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time().atZone(zone)));
        m.put("type", "container");
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
