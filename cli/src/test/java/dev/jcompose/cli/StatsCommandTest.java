package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code stats} on the in-memory engine, whose running containers report fixed counters. */
class StatsCommandTest {
    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
    CliRunner cli;

    @BeforeEach
    void twoRunningOneStopped() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox}
                  db: {image: busybox}
                  off: {image: busybox}
                """);
        cli = CliRunner.withEngine(dir, engine);
        assertEquals(0, cli.run("up", "-d").exit());
        assertEquals(0, cli.run("stop", "off").exit());
    }

    private String id(String service) {
        return cli.run("ps", "-a", "-q", service).out().strip();
    }

    @Test
    void noStreamPrintsDockersTableOnce() {
        CliRunner.Result r = cli.run("stats", "--no-stream");
        assertEquals(0, r.exit(), r.toString());
        String db = String.format("%-12s", id("db"));
        String web = String.format("%-12s", id("web"));
        assertEquals("""
                CONTAINER ID   NAME         CPU %    MEM USAGE / LIMIT   MEM %   NET I/O        BLOCK I/O    PIDS
                DB   demo-db-1    10.00%   10MiB / 1GiB        0.98%   1.5kB / 750B   4.1kB / 0B   1
                WEB   demo-web-1   10.00%   10MiB / 1GiB        0.98%   1.5kB / 750B   4.1kB / 0B   1
                """.replace("DB", db).replace("WEB", web), r.out());
    }

    @ParameterizedTest(name = "stats --no-stream {0}")
    @CsvSource(delimiter = ';', textBlock = """
            --format {{.Name}}:{{.CPUPerc}}        ; demo-db-1:10.00%,demo-web-1:10.00%
            -a --format {{.Name}}:{{.CPUPerc}}     ; demo-db-1:10.00%,demo-off-1:0.00%,demo-web-1:10.00%
            --format {{.Name}} web                 ; demo-web-1
            --format {{.Name}} off                 ; ''
            """)
    void templatesAndWhichContainers(String args, String lines) {
        List<String> argv = new ArrayList<>(List.of("stats", "--no-stream"));
        argv.addAll(List.of(args.split(" ")));
        CliRunner.Result r = cli.run(argv.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        assertEquals(lines.isEmpty() ? "" : String.join("\n", lines.split(",")) + "\n", r.out());
    }

    @Test
    void jsonOneObjectALineWithDockersKeys() throws IOException {
        CliRunner.Result r = cli.run("stats", "--no-stream", "--format", "json", "--no-trunc", "web");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.out());
        JsonNode n = new ObjectMapper().readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("BlockIO", "CPUPerc", "Container", "ID", "MemPerc", "MemUsage", "Name", "NetIO", "PIDs"), keys);
        assertEquals("demo-web-1", n.get("Name").asText());
        assertEquals(id("web"), n.get("ID").asText());
        assertEquals("10MiB / 1GiB", n.get("MemUsage").asText());
    }

    @Test
    void anUnknownFieldOrTwoServicesAreUsageErrors() {
        CliRunner.Result field = cli.run("stats", "--no-stream", "--format", "{{.Nope}}");
        assertEquals(2, field.exit(), field.toString());
        assertTrue(field.err().startsWith("unknown field .Nope in --format; fields: BlockIO, CPUPerc"), field.err());
        assertEquals(2, cli.run("stats", "web", "db").exit());
    }

    @Test
    void streamingPrintsAgainUntilCtrlC() throws Exception {
        AtomicReference<Runnable> press = new AtomicReference<>();
        cli.interrupts(handler -> {
            press.set(handler);
            return () -> { };
        });
        CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> cli.run("stats", "--format", "{{.Name}}", "web"));
        for (int i = 0; i < 200 && press.get() == null; i++) Thread.sleep(10);
        Thread.sleep(1500);
        press.get().run();
        CliRunner.Result r = running.get(5, TimeUnit.SECONDS);
        assertEquals(ExitCodes.INTERRUPTED, r.exit(), r.toString());
        assertEquals(2, r.out().lines().count(), "printed once a second: " + r.out());
        assertTrue(r.out().lines().allMatch("demo-web-1"::equals), r.out());
    }
}
