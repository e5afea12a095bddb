package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The commands that read or signal a project's running containers (logs, kill, port, top), on the real engine. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class ContainerCommandsEngineTest {
    @TempDir
    Path dir;

    /** Writes the Compose file and brings project {@code p} up detached from it. */
    private CliRunner up(String p, String compose) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), compose);
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        CliRunner.Result up = cli.run("-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        return cli;
    }

    /** Polls until the container has exited; fails after 20 s. */
    private static void awaitExited(String container) throws InterruptedException {
        try (Engine engine = RealEngine.connect()) {
            for (int i = 0; i < 200; i++) {
                if (engine.inspect(container).exited()) return;
                Thread.sleep(100);
            }
        }
        throw new AssertionError(container + " did not exit");
    }

    @Test
    void logsOfAContainerThatPrintedAndExitedAndItsLastLine(EngineProjects projects) throws Exception {
        String p = projects.create("logs");
        CliRunner cli = up(p, """
                services:
                  say:
                    image: jcompose/busybox:latest
                    command: ["sh", "-c", "echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three"]  # stdout and stderr reach the log on their own: spaced, to keep the order
                """);
        awaitExited(p + "-say-1");

        CliRunner.Result all = cli.run("-p", p, "logs");
        assertEquals(0, all.exit(), all.toString());
        assertEquals("say-1  | one\nsay-1  | three\n", all.out(), "its standard output on jcompose's");
        assertTrue(all.err().contains("say-1  | two\n"), "its standard error on jcompose's, as docker compose prints it: " + all);

        CliRunner.Result last = cli.run("-p", p, "logs", "--tail", "1", "--no-log-prefix");
        assertEquals("three\n", last.out(), last.toString());

        CliRunner.Result stamped = cli.run("-p", p, "logs", "-t", "-n", "1");
        assertTrue(stamped.out().matches("say-1  \\| \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z three\n"), stamped.out());

        assertEquals("", cli.run("-p", p, "logs", "--until", "2000-01-01T00:00:00Z").out(), "nothing was logged that long ago");
    }

    @Test
    void logsFollowEndsWhenTheContainersStop(EngineProjects projects) throws Exception {
        String p = projects.create("logsf");
        CliRunner cli = up(p, """
                services:
                  slow:
                    image: jcompose/busybox:latest
                    command: ["sh", "-c", "echo start; sleep 2; echo end"]
                  quick:
                    image: jcompose/busybox:latest
                    command: ["echo", "done"]
                """);
        long started = System.nanoTime();
        CliRunner.Result followed = cli.run("-p", p, "logs", "-f");
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertEquals(0, followed.exit(), followed.toString());
        assertTrue(followed.out().contains("slow-1   | start\n") && followed.out().contains("slow-1   | end\n")
                && followed.out().contains("quick-1  | done\n"), followed.out());
        assertTrue(seconds < 15, "returned once both had stopped, after " + seconds + " s");
    }

    @Test
    void killSendsTheSignalNamed(EngineProjects projects) throws Exception {
        String p = projects.create("kill");
        CliRunner cli = up(p, """
                services:
                  trapper:
                    image: jcompose/busybox:latest
                    command: ["sh", "-c", "trap 'echo got TERM; exit 3' TERM; echo ready; while true; do sleep 0.1; done"]
                """);
        String container = p + "-trapper-1";
        for (int i = 0; i < 100 && !cli.run("-p", p, "logs").out().contains("ready"); i++) Thread.sleep(100); // its trap is set

        CliRunner.Result dry = cli.run("-p", p, "kill", "-s", "SIGTERM", "--dry-run");
        assertEquals("#1 kill Container " + container + " -- running; signal SIGTERM\n", dry.out(), dry.toString());

        CliRunner.Result kill = cli.run("-p", p, "kill", "-s", "SIGTERM");
        assertEquals(0, kill.exit(), kill.toString());
        awaitExited(container);
        try (Engine engine = RealEngine.connect()) {
            assertEquals(3, engine.inspect(container).exitCode(), "the trap ran: SIGTERM, not SIGKILL");
        }
        assertTrue(cli.run("-p", p, "logs").out().contains("trapper-1  | got TERM\n"));
    }

    @Test
    void portPrintsWhereTheEnginePublishedIt(EngineProjects projects) throws Exception {
        String p = projects.create("port");
        CliRunner cli = up(p, """
                services:
                  web:
                    image: jcompose/busybox:latest
                    command: ["httpd", "-f", "-p", "80"]
                    ports: ["127.0.0.1::80"]
                """);
        CliRunner.Result r = cli.run("-p", p, "port", "web", "80");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Docker.run(List.of("docker", "port", p + "-web-1", "80/tcp")) + "\n", r.out(), "what the docker CLI says");
        assertTrue(r.out().matches("127\\.0\\.0\\.1:\\d+\n"), r.out());

        CliRunner.Result none = cli.run("-p", p, "port", "web", "80", "--protocol", "udp");
        assertEquals(ExitCodes.FAILED, none.exit(), none.toString());
        assertEquals("no port 80/udp is published for container " + p + "-web-1: it publishes 80/tcp\n", none.err());
    }

    @Test
    void topListsTheProcessesTheEngineReports(EngineProjects projects) throws Exception {
        String p = projects.create("top");
        CliRunner cli = up(p, """
                services:
                  nap:
                    image: jcompose/busybox:latest
                    command: ["sleep", "1000"]
                """);
        CliRunner.Result r = cli.run("-p", p, "top");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(p + "-nap-1", lines.get(0), r.out());
        assertTrue(lines.get(1).matches("UID +PID +PPID +C +STIME +TTY +TIME +CMD"), r.out());
        assertTrue(lines.get(2).matches("\\S+ +\\d+ +\\d+ .* sleep 1000 *"), r.out());
        assertEquals("", lines.get(lines.size() - 1), "a blank line ends each container's table");

        assertEquals(0, cli.run("-p", p, "stop").exit());
        CliRunner.Result stopped = cli.run("-p", p, "top");
        assertEquals(0, stopped.exit(), stopped.toString());
        assertEquals("", stopped.out());
    }
}
