package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.EngineEvent;
import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code events} on the in-memory engine: which events, --json, --since/--until, and Ctrl-C. */
class EventsCommandTest {
    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine();
    CliRunner cli;

    private static EngineEvent event(String type, long second, String action, String service, boolean oneoff) {
        TreeMap<String, String> attrs = new TreeMap<>(Map.of("com.docker.compose.project", "demo", "com.docker.compose.service", service,
                "com.docker.compose.oneoff", oneoff ? "True" : "False", "name", "demo-" + service + "-1"));
        return new EngineEvent(type, action, service + "-id", Instant.ofEpochSecond(second), attrs);
    }

    @BeforeEach
    void someEvents() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "name: demo\nservices:\n  web: {image: busybox}\n  db: {image: busybox}\n");
        engine.emit(event("container", 1_700_000_010L, "create", "web", false));
        engine.emit(event("container", 1_700_000_020L, "start", "web", false));
        engine.emit(event("network", 1_700_000_030L, "connect", "web", false));
        engine.emit(event("container", 1_700_000_040L, "start", "web", true));
        engine.emit(event("container", 1_700_000_050L, "start", "db", false));
        // a swarm task's container carries the project's labels too (a stack of the same files): the swarm's, not shown
        TreeMap<String, String> task = new TreeMap<>(Map.of("com.docker.compose.project", "demo", "com.docker.compose.service", "web",
                "com.docker.swarm.task.id", "t1", "name", "demo_web.1.t1"));
        engine.emit(new EngineEvent("container", "start", "task-id", Instant.ofEpochSecond(1_700_000_045L), task));
        TreeMap<String, String> other = new TreeMap<>(Map.of("com.docker.compose.project", "other", "com.docker.compose.service", "web"));
        engine.emit(new EngineEvent("container", "start", "x", Instant.ofEpochSecond(1_700_000_060L), other));
        cli = CliRunner.withEngine(dir, engine);
    }

    @ParameterizedTest(name = "events {0}")
    @CsvSource(delimiter = ';', textBlock = """
            --until 1700000100                          ; web-id:create web-id:start db-id:start
            --until 1700000100 web                      ; web-id:create web-id:start
            --since 1700000015 --until 1700000100       ; web-id:start db-id:start
            --since 1700000015 --until 1700000045       ; web-id:start
            --until 1m                                  ; web-id:create web-id:start
            """)
    void theProjectsContainersNotOneOffsInTime(String args, String expected) throws IOException {
        CliRunner.Result r = cli.run(("events --json " + args).split(" "));
        assertEquals(0, r.exit(), r.toString());
        ObjectMapper mapper = new ObjectMapper();
        List<String> got = r.out().lines().map(l -> {
            try {
                JsonNode n = mapper.readTree(l);
                assertEquals("container", n.get("type").asText());
                assertEquals(List.of("action", "attributes", "id", "service", "time", "type"), List.copyOf(iterable(n)));
                return n.get("id").asText() + ":" + n.get("action").asText();
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertEquals(List.of(expected.split(" ")), got);
    }

    private static List<String> iterable(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void textAsDockerComposePrintsIt() {
        CliRunner.Result r = cli.run("events", "--until", "1700000015");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("2023-11-14 22:13:30.000000 container create web-id (name=demo-web-1)\n\n", r.out());
    }

    @Test
    void withoutUntilItFollowsUntilCtrlC() throws Exception {
        AtomicReference<Runnable> press = new AtomicReference<>();
        cli.interrupts(handler -> {
            press.set(handler);
            return () -> { };
        });
        CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> cli.run("events", "--since", "1700000045"));
        for (int i = 0; i < 200 && press.get() == null; i++) Thread.sleep(10);
        Thread.sleep(100);
        assertTrue(!running.isDone(), "it follows");
        press.get().run();
        CliRunner.Result r = running.get(5, TimeUnit.SECONDS);
        assertEquals(ExitCodes.INTERRUPTED, r.exit(), r.toString());
        assertTrue(r.out().contains("container start db-id"), r.out());
    }

    @Test
    void aBadTimeIsAUsageError() {
        CliRunner.Result r = cli.run("events", "--since", "yesterday");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("invalid value \"yesterday\" for --since"), r.err());
    }
}
