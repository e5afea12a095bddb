package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attach on the in-memory engine: what it refuses and what it says it leaves out. */
class AttachCommandTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void up() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox}
                  shell: {image: busybox, tty: true, stdin_open: true}
                """);
        cli = CliRunner.withEngine(dir, new InMemoryEngine().withImages("busybox"));
        assertEquals(0, cli.run("up", "-d").exit());
    }

    @Test
    void aServiceWithoutStdinOpenIsAttachedForOutputOnlyAndSaysSo() {
        CliRunner.Result r = cli.run("attach", "web");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("WARN[0000] service \"web\" has no stdin_open: this terminal's input is not attached"), r.err());
        CliRunner.Result quiet = cli.run("attach", "--no-stdin", "web");
        assertFalse(quiet.err().contains("stdin_open"), "asked for: no warning: " + quiet.err());
        assertFalse(cli.run("attach", "shell").err().contains("stdin_open"));
    }

    @Test
    void otherDetachKeysAndAStoppedServiceAreRefused() {
        CliRunner.Result keys = cli.run("attach", "--detach-keys", "ctrl-x", "web");
        assertEquals(ExitCodes.USAGE, keys.exit(), keys.toString());
        assertTrue(keys.err().contains("only the engine's own sequence, ctrl-p,ctrl-q"), keys.err());
        assertEquals(0, cli.run("stop", "web").exit());
        CliRunner.Result stopped = cli.run("attach", "web");
        assertEquals(ExitCodes.FAILED, stopped.exit(), stopped.toString());
        assertTrue(stopped.err().contains("service \"web\" is not running"), stopped.err());
    }
}
