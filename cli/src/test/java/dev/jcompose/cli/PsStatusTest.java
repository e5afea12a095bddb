package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ps --status}: only the containers in the states named, stopped and one-off ones included, as docker compose. */
class PsStatusTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void aContainerInEachState() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox}
                  db: {image: busybox}
                  off: {image: busybox}
                  fresh: {image: busybox}
                """);
        cli = CliRunner.withEngine(dir, new InMemoryEngine().withImages("busybox"));
        assertEquals(0, cli.run("up", "-d", "web", "db", "off").exit());
        assertEquals(0, cli.run("up", "--no-start", "fresh").exit());
        assertEquals(0, cli.run("stop", "off").exit());
        assertEquals(0, cli.run("pause", "db").exit());
    }

    @ParameterizedTest(name = "ps {0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            --status running                     ; 0 ; demo-web-1
            --status paused                      ; 0 ; demo-db-1
            --status exited                      ; 0 ; demo-off-1
            --status created                     ; 0 ; demo-fresh-1
            --status exited --status=created     ; 0 ; demo-fresh-1 demo-off-1
            --status running -a                  ; 0 ; demo-web-1
            --status dead                        ; 0 ; -
            --status up                          ; 2 ; -
            """)
    void onlyTheStatesNamed(String args, int exit, String names) {
        List<String> argv = new ArrayList<>(List.of("ps", "--format", "{{.Name}}"));
        argv.addAll(List.of(args.split(" ")));
        CliRunner.Result r = cli.run(argv.toArray(String[]::new));
        assertEquals(exit, r.exit(), r.toString());
        assertEquals(names == null ? "" : String.join("\n", names.split(" ")) + "\n", r.out());
        assertEquals(exit == 2 ? "invalid value \"up\" for --status: expected one of created, restarting, running, removing, paused, exited, dead\n" : "", r.err());
    }

    @Test
    void oneOffContainersInTheStateAreShownToo() {
        assertEquals(0, cli.run("run", "-d", "web").exit());
        assertEquals("demo-db-1\ndemo-web-1\n", cli.run("ps", "--format", "{{.Name}}").out(), "plain ps leaves one-offs out");
        List<String> running = cli.run("ps", "--status", "running", "--format", "{{.Name}}").out().lines().toList();
        assertEquals(2, running.size(), running.toString());
        assertEquals("demo-web-1", running.get(0));
        assertTrue(running.get(1).startsWith("demo-web-run-"), running.toString());
    }
}
