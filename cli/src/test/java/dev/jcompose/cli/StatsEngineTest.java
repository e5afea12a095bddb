package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code stats --no-stream} on the real engine: a row per running container with the engine's figures in docker's forms. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class StatsEngineTest {
    @TempDir
    Path dir;

    @Test
    void aRowPerRunningContainer(EngineProjects projects) throws Exception {
        String p = projects.create("stats");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  busy:
                    image: jcompose/busybox:latest
                    command: ["sh", "-c", "while :; do :; done"]
                  idle:
                    image: jcompose/busybox:latest
                    command: ["sleep", "300"]
                  off:
                    image: jcompose/busybox:latest
                    command: ["true"]
                """);
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        assertEquals(0, cli.run("-p", p, "up", "-d").exit());
        // off runs true: polled until it has exited, so that only two are running
        for (int i = 0; i < 100 && cli.run("-p", p, "ps", "-q", "--status", "exited").out().isEmpty(); i++) Thread.sleep(100);
        assertEquals(p + "-off-1\n", cli.run("-p", p, "ps", "--format", "{{.Name}}", "--status", "exited").out());

        CliRunner.Result table = cli.run("-p", p, "stats", "--no-stream");
        assertEquals(0, table.exit(), table.toString());
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).matches("CONTAINER ID +NAME +CPU % +MEM USAGE / LIMIT +MEM % +NET I/O +BLOCK I/O +PIDS"), lines.get(0));
        assertEquals(3, lines.size(), table.out());
        String size = "\\d+(\\.\\d+)?(B|KiB|MiB|GiB|TiB)";
        String dsize = "\\d+(\\.\\d+)?(e\\+\\d\\d)?(B|kB|MB|GB|TB)";
        for (String l : lines.subList(1, 3)) {
            assertTrue(l.matches("[0-9a-f]{12} +" + p + "-(busy|idle)-1 +\\d+\\.\\d\\d% +" + size + " / " + size
                    + " +\\d+\\.\\d\\d% +" + dsize + " / " + dsize + " +" + dsize + " / " + dsize + " +\\d+"), l);
        }

        CliRunner.Result json = cli.run("-p", p, "stats", "--no-stream", "--format", "json", "busy");
        assertEquals(0, json.exit(), json.toString());
        JsonNode busy = new ObjectMapper().readTree(json.out().strip());
        assertEquals(p + "-busy-1", busy.get("Name").asText());
        double cpu = Double.parseDouble(busy.get("CPUPerc").asText().replace("%", ""));
        assertTrue(cpu > 20, "a busy loop uses a CPU: " + busy);
        assertEquals("1", busy.get("PIDs").asText());

        CliRunner.Result all = cli.run("-p", p, "stats", "--no-stream", "-a", "--format", "{{.Name}} {{.CPUPerc}} {{.MemUsage}}");
        assertTrue(all.out().contains(p + "-off-1 0.00% 0B / 0B\n"), all.out());
    }
}
