package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.PublishedPort;
import dev.jcompose.service.ComposeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container of a swarm task carries the project's and the service's compose labels (a stack deployed from the
 * same files on the same engine, as docker stack labels it), but it is the swarm's: the container commands that pick
 * a service's containers leave it out, as {@code up}, {@code down}, {@code ps} and {@code logs} do.
 */
class SwarmTaskContainersTest {
    private static final String TASK = "demo_web.1.q3k9z8r1w2e4t5y6u7i8o9p0a";

    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine().withImages("busybox", "jcompose/task-image:1");
    CliRunner cli;

    @BeforeEach
    void upWithATaskBeside() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, command: [sleep, "100"], ports: ["8080:80"]}
                """);
        cli = CliRunner.withEngine(dir, engine);
        assertEquals(0, cli.run("up", "-d").exit());
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put(Labels.PROJECT, "demo");
        labels.put(Labels.SERVICE, "web");
        labels.put(ComposeService.SWARM_TASK_LABEL, "q3k9z8r1w2e4t5y6u7i8o9p0a");
        labels.put("com.docker.stack.namespace", "demo");
        // number 0: the swarm sets no container number, so a pick of the lowest number would take the task first
        engine.put(new ObservedContainer("task-id", TASK, "jcompose/task-image:1", "sha256:task", "sleep 1000", 0, "running",
                "Up 1 minute", labels, List.of(new PublishedPort("0.0.0.0", 9999, 80, "tcp")), new TreeMap<>()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"top", "images", "port web 80", "stats --no-stream", "cp compose.yaml web:/tmp"})
    void aCommandLeavesTheTaskOut(String command) {
        CliRunner.Result r = cli.run(command.split(" "));
        assertEquals(0, r.exit(), command + ": " + r);
        String said = r.out() + r.err() + engine.calls();
        assertFalse(said.contains(TASK) || said.contains("task-image") || said.contains("9999"), command + ": " + r + " " + engine.calls());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"top", "images", "stats --no-stream", "cp compose.yaml web:/tmp"})
    void andStillFindsTheServicesOwnContainer(String command) {
        CliRunner.Result r = cli.run(command.split(" "));
        String said = r.out() + r.err() + engine.calls();
        assertTrue(said.contains("demo-web-1"), command + ": " + r + " " + engine.calls());
    }

    /**
     * Before, {@code wait} waited for the task too and gave the code of whichever ended first: here the task's 7, at
     * once, while the service's own container still ran.
     */
    @Test
    void waitWaitsForTheServicesOwnContainerOnly() throws Exception {
        engine.script(TASK, 7);
        CompletableFuture<CliRunner.Result> waiting = CompletableFuture.supplyAsync(() -> cli.run("wait", "web"));
        Thread.sleep(500); // lets a wait that took the task end first; the right one cannot end before the stop
        engine.stopContainer("demo-web-1", 0);
        CliRunner.Result r = waiting.get(60, TimeUnit.SECONDS);
        assertEquals(137, r.exit(), r.toString());
    }
}
