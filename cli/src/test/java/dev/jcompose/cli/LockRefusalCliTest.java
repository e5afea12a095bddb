package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lock directory another user could have put there stops a command at once: one line naming it, exit 1, nothing done. */
class LockRefusalCliTest {
    @TempDir
    Path dir;

    @Test
    void aLockDirectoryOfAnotherUserIsNamedAndNothingIsDone() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "name: demo\nservices:\n  web: {image: busybox}\n");
        Path runtime = Files.createDirectory(dir.resolve("run"));
        Path locks = Files.createDirectory(runtime.resolve("jcompose"));
        Files.setAttribute(locks, "unix:uid", 4242); // the suite runs as root in CI
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        CliRunner cli = CliRunner.withEngine(dir, engine).env("XDG_RUNTIME_DIR", runtime.toString());

        CliRunner.Result up = cli.run("up", "-d");

        assertEquals(ExitCodes.FAILED, up.exit(), up.toString());
        assertTrue(up.err().startsWith("refusing the lock directory " + locks + ": it belongs to"), up.err());
        assertTrue(up.err().contains("set XDG_RUNTIME_DIR to a directory of your own"), up.err());
        assertFalse(up.err().contains("internal error") || up.err().contains("Exception"), "a message, not a trace: " + up.err());
        assertEquals(List.of(), engine.calls(), "nothing was done on the engine");
    }
}
