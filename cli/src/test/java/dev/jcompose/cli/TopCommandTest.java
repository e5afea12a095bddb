package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code top} on the in-memory engine: a table per running container, in name order, as docker compose prints it. */
class TopCommandTest {
    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
    CliRunner cli;

    /** Go's tabwriter as compose drives it: rows' cells each end with a tab, so the last column is padded on rows only. */
    private static String table(String container, String command) {
        String cmd = String.format("%-" + Math.max(5, command.length() + 3) + "s", command);
        return container + "\n"
                + "UID    PID   PPID   C    STIME   TTY   TIME       CMD\n"
                + "root   1     0      0    00:00   ?     00:00:00   " + cmd + "\n"
                + "\n";
    }

    @BeforeEach
    void upDetached() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, command: [sleep, "100"], scale: 2}
                  db: {image: busybox, command: [sleep, "200"]}
                  off: {image: busybox}
                """);
        cli = CliRunner.withEngine(dir, engine);
        assertEquals(0, cli.run("up", "-d").exit());
        assertEquals(0, cli.run("stop", "off").exit());
        assertEquals(0, cli.run("run", "-d", "db", "sleep", "300").exit());
    }

    @Test
    void everyRunningContainerInNameOrderOneOffsLeftOut() {
        CliRunner.Result r = cli.run("top");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(table("demo-db-1", "sleep 200") + table("demo-web-1", "sleep 100") + table("demo-web-2", "sleep 100"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void onlyTheServicesNamed() {
        CliRunner.Result r = cli.run("top", "db");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(table("demo-db-1", "sleep 200"), r.out());
    }

    @Test
    void noRunningContainerPrintsNothing() {
        CliRunner.Result r = cli.run("top", "off");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void anUnknownServiceOrOptionIsRefused() {
        CliRunner.Result unknown = cli.run("top", "nope");
        assertEquals(ExitCodes.INVALID_PROJECT, unknown.exit(), unknown.toString());
        CliRunner.Result option = cli.run("top", "--bogus");
        assertEquals(ExitCodes.USAGE, option.exit(), option.toString());
        assertTrue(option.err().contains("--bogus"), option.err());
    }
}
