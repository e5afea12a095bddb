package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.memory.InMemoryEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** images --format json: docker compose's keys, Created as an RFC 3339 time. */
class ImagesCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonHasDockerComposesKeys() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "name: demo\nservices:\n  web: {image: busybox}\n");
        CliRunner cli = CliRunner.withEngine(dir, new InMemoryEngine().withImages("busybox"));
        assertEquals(0, cli.run("up", "-d").exit());
        CliRunner.Result r = cli.run("images", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode row = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals("demo-web-1", row.get("ContainerName").asText());
        assertEquals("busybox", row.get("Repository").asText());
        assertEquals("latest", row.get("Tag").asText());
        assertTrue(row.get("Size").isNumber(), r.out());
        Instant.parse(row.get("Created").asText()); // an RFC 3339 time, or this throws
    }
}
