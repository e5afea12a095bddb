package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --progress json and the live view: what they print for a plan's events, and json from the command line. */
class ProgressModesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Step step(int id, Action action) {
        return new Step(id, action, "why", new TreeSet<>());
    }

    @Test
    void jsonProgressWritesDockerComposesSchemaOneObjectPerLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonProgress json = new JsonProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        Step start = step(1, new Action.StartContainer("demo-web-1", "web"));
        json.on(new ProgressEvent.Started(start));
        json.on(new ProgressEvent.Completed(start));
        json.on(new ProgressEvent.Failed(step(2, new Action.StartContainer("demo-db-1", "db")), "port is already allocated"));
        json.warning("Found orphan containers");
        json.error("no such service: wbe");
        assertEquals("""
                {"id":"Container demo-web-1","status":"Working","text":"Starting"}
                {"id":"Container demo-web-1","status":"Done","text":"Started"}
                {"id":"Container demo-db-1","status":"Error","text":"Error","details":"port is already allocated"}
                {"level":"warning","msg":"Found orphan containers","time":"2026-12-01T10:00:00Z"}
                {"error":true,"message":"no such service: wbe"}
                """, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theLiveViewShowsOneLinePerResourceWithItsStateAndClock() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TtyProgress tty = new TtyProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 80);
        Step net = step(1, new Action.RemoveNetwork("demo_default"));
        Step web = step(2, new Action.StartContainer("demo-web-1", "web"));
        tty.on(new ProgressEvent.Started(web));
        tty.on(new ProgressEvent.Started(net));
        tty.on(new ProgressEvent.Completed(web));
        tty.on(new ProgressEvent.Output(net, "health: starting, 41 s"));
        List<String> frame = tty.frame(System.nanoTime());
        assertEquals("[+] Running 1/2", frame.get(0));
        assertTrue(frame.get(1).startsWith(" \033[32m✔\033[0m Container demo-web-1 Started "), frame.get(1));
        assertTrue(frame.get(2).contains("Network demo_default Removing health: starting, 41 s"), frame.get(2));
        for (String line : frame) assertTrue(TtyProgress.visibleLength(line) <= 80, "no line wraps: " + line);
        assertTrue(frame.get(1).matches(".*\\d+\\.\\ds$"), "a clock at the end: " + frame.get(1));
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("\033[3A"), "redrawn in place: the cursor goes back up over the last frame");
    }

    @Test
    void jsonModeOnTheCommandLinePrintsOnlyJsonOnStderrErrorsIncluded() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "name: demo\nservices:\n  web: {image: busybox}\n  db: {image: missing}\n");
        CliRunner cli = CliRunner.withEngine(dir, new InMemoryEngine().withImages("busybox"));
        CliRunner.Result r = cli.run("--progress", "json", "up", "-d", "web");
        assertEquals(0, r.exit(), r.toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.err().lines().toList()) lines.add(JSON.readTree(line)); // each line parses
        assertTrue(lines.stream().anyMatch(n -> n.path("id").asText().equals("Container demo-web-1") && n.path("text").asText().equals("Started")), r.err());

        CliRunner.Result failed = cli.run("--progress=json", "up", "-d");
        assertEquals(ExitCodes.FAILED, failed.exit(), failed.toString());
        List<String> errors = failed.err().lines().filter(l -> l.contains("\"error\":true")).toList();
        assertFalse(errors.isEmpty(), failed.err());
        for (String line : failed.err().lines().toList()) JSON.readTree(line);

        CliRunner.Result invalid = cli.run("--progress=json", "-f", "nope.yaml", "ps");
        assertEquals(ExitCodes.INVALID_PROJECT, invalid.exit(), invalid.toString());
        assertTrue(JSON.readTree(invalid.err().strip()).path("error").asBoolean(), invalid.err());
    }

    @Test
    void anUnknownModeIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "name: demo\nservices:\n  web: {image: busybox}\n");
        CliRunner.Result r = CliRunner.withEngine(dir, new InMemoryEngine().withImages("busybox")).run("--progress", "fancy", "up", "-d");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("unsupported --progress value \"fancy\""), r.err());
    }
}
