package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.PublishedPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ps --format json: docker compose v2's container summary, one object per line, its keys and types. */
class PsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObservedContainer container(String name, String state, String status) {
        return new ObservedContainer("0123456789abcdef0123", name, "busybox", "sha256:b", "sleep 600", 1_700_000_000L, state, status,
                new TreeMap<>(Map.of("com.docker.compose.project", "demo", "com.docker.compose.service", "web")),
                List.of(new PublishedPort("0.0.0.0", 8080, 80, "tcp"), new PublishedPort(null, null, 443, "tcp")),
                new TreeMap<>(Map.of("/data", "demo_data", "/cache", "a".repeat(64))), List.of("demo_default", "demo_back"),
                List.of("demo_data", "a".repeat(64), "/srv/www"));
    }

    @Test
    void oneObjectPerLineWithDockerComposesKeysAndTypes() throws Exception {
        String out = PsJson.lines(List.of(container("demo-web-1", "running", "Up 2 minutes (healthy)"),
                container("demo-web-2", "exited", "Exited (3) 5 seconds ago")));
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(List.of("ID", "Name", "Names", "Image", "Command", "Project", "Service", "Created", "State", "Status",
                "Health", "ExitCode", "Publishers", "Labels", "Mounts", "Networks", "LocalVolumes"), iterate(first));
        assertEquals("[\"demo_back\",\"demo_default\"]", first.get("Networks").toString());
        assertEquals("/srv/www", first.get("Mounts").get(2).asText());
        assertEquals("demo-web-1", first.get("Name").asText());
        assertEquals("demo-web-1", first.get("Names").get(0).asText());
        assertEquals(1_700_000_000L, first.get("Created").asLong());
        assertEquals("healthy", first.get("Health").asText());
        assertEquals(0, first.get("ExitCode").asInt());
        assertEquals("{\"URL\":\"0.0.0.0\",\"TargetPort\":80,\"PublishedPort\":8080,\"Protocol\":\"tcp\"}", first.get("Publishers").get(0).toString());
        assertEquals(0, first.get("Publishers").get(1).get("PublishedPort").asInt(), "an exposed port: published as 0, as in docker compose");
        assertEquals("demo", first.get("Labels").get("com.docker.compose.project").asText());
        assertEquals(1, first.get("LocalVolumes").asInt(), "the named volume, not the anonymous one");
        assertEquals(3, JSON.readTree(lines.get(1)).get("ExitCode").asInt());
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} / {2}")
    @CsvSource(textBlock = """
            Up 2 minutes (healthy),          healthy,   0
            Up 3 seconds (health: starting), starting,  0
            Up 1 hour (unhealthy),           unhealthy, 0
            Up 5 seconds,                    '',        0
            Exited (137) 2 seconds ago,      '',        137
            Exited (0) 1 minute ago,         '',        0
            Created,                         '',        0
            """)
    void healthAndExitCodeAreReadFromTheStatus(String status, String health, int exitCode) {
        assertEquals(health, PsJson.health(status));
        assertEquals(exitCode, PsJson.exitCode(status));
    }
}
