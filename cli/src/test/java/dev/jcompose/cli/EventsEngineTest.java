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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code events --json} while an {@code up} runs, on the real engine: the project's container events, and only theirs. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class EventsEngineTest {
    @TempDir
    Path dir;

    @Test
    void theEventsOfAnUpAsItRuns(EngineProjects projects) throws Exception {
        String p = projects.create("events");
        String other = projects.create("events-other");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  box:
                    image: jcompose/busybox:latest
                    command: ["sleep", "300"]
                """);
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        long start = Instant.now().getEpochSecond() - 1;
        // follows from now until 15 s from now; the up runs meanwhile
        String until = String.valueOf(Instant.now().getEpochSecond() + 15);
        CompletableFuture<CliRunner.Result> events = CompletableFuture.supplyAsync(() -> cli.run("-p", p, "events", "--json", "--until", until));
        Thread.sleep(1500);
        CliRunner.Result up = cli.run("-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        assertEquals(0, cli.run("-p", other, "up", "-d").exit(), "another project's events are not shown");
        assertEquals(0, cli.run("-p", p, "stop", "-t", "0").exit());
        CliRunner.Result r = events.get(60, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r.toString());

        List<String> actions = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : r.out().lines().toList()) {
            JsonNode e = mapper.readTree(line);
            assertEquals("container", e.get("type").asText(), line);
            assertEquals("box", e.get("service").asText(), line);
            assertEquals(p + "-box-1", e.get("attributes").get("name").asText(), line);
            assertTrue(e.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)"), line);
            assertTrue(e.get("id").asText().length() == 64, line);
            actions.add(e.get("action").asText());
        }
        assertTrue(actions.containsAll(List.of("create", "start", "die", "stop")), actions.toString());
        assertTrue(actions.indexOf("create") < actions.indexOf("start"), actions.toString());

        // afterwards, the same events from the past with --since (absolute times: the runner's clock is fixed)
        CliRunner.Result past = cli.run("-p", p, "events", "--since", String.valueOf(start), "--until", String.valueOf(Instant.now().getEpochSecond()));
        assertEquals(0, past.exit(), past.toString());
        assertTrue(past.out().matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6} container create [0-9a-f]{64} \\(.*image=jcompose/busybox:latest.*\\)\n\n.*"), past.out());
    }

    @Test
    void withoutUntilItFollowsUntilCtrlC(EngineProjects projects) throws Exception {
        String p = projects.create("events-follow");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  box: {image: jcompose/busybox:latest, command: [sleep, \"300\"]}\n");
        AtomicReference<Runnable> press = new AtomicReference<>();
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect).interrupts(handler -> {
            press.set(handler);
            return () -> { };
        });
        CompletableFuture<CliRunner.Result> events = CompletableFuture.supplyAsync(() -> cli.run("-p", p, "events"));
        for (int i = 0; i < 300 && press.get() == null; i++) Thread.sleep(10);
        Thread.sleep(1000);
        assertEquals(0, cli.run("-p", p, "up", "-d").exit());
        for (int i = 0; i < 100 && !events.isDone(); i++) Thread.sleep(50);
        assertTrue(!events.isDone(), "it follows");
        press.get().run();
        CliRunner.Result r = events.get(10, TimeUnit.SECONDS);
        assertEquals(ExitCodes.INTERRUPTED, r.exit(), r.toString());
        assertTrue(r.out().contains(" container start "), r.out());
    }
}
