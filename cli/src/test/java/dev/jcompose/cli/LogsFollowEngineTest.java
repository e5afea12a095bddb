package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code logs -f} on the real engine: it follows a container started after it, and ends when all have stopped. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class LogsFollowEngineTest {
    @TempDir
    Path dir;

    @Test
    void followsAContainerThatStartsLaterAndEndsWhenAllHaveStopped(EngineProjects projects) throws Exception {
        String p = projects.create("logsf");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  early:
                    image: jcompose/busybox:latest
                    command: ["sh", "-c", "echo early-1; sleep 3; echo early-2"]
                  late:
                    image: jcompose/busybox:latest
                    command: ["sh", "-c", "echo late-1; sleep 1; echo late-2"]
                """);
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        assertEquals(0, cli.run("-p", p, "up", "-d", "early").exit());
        CompletableFuture<CliRunner.Result> logs = CompletableFuture.supplyAsync(() -> cli.run("-p", p, "logs", "-f"));
        Thread.sleep(1_000);
        assertEquals(0, cli.run("-p", p, "up", "-d", "late").exit(), "late starts while logs -f runs");
        CliRunner.Result r = logs.get(30, TimeUnit.SECONDS); // it ends by itself once both have stopped
        assertEquals(0, r.exit(), r.toString());
        for (String line : new String[] {"early-1  | early-1", "early-1  | early-2", "late-1   | late-1", "late-1   | late-2"}) {
            assertTrue(r.out().contains(line), line + " in:\n" + r.out());
        }
    }
}
