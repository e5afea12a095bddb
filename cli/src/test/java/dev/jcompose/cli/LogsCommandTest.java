package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.executor.testing.ForwardingEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code logs} on the in-memory engine: prefixes, the engine's options each flag sets, one-offs left out, exit codes. */
class LogsCommandTest {
    @TempDir
    Path dir;
    InMemoryEngine engine;
    CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, depends_on: [db]}
                  db: {image: busybox}
                """);
        // the in-memory engine's line i is logged at InMemoryEngine.loggedAt(i): 1700000000 + i; the CLI's clock is at 1700000100
        engine = new InMemoryEngine().withImages("busybox")
                .script("demo-web-1", 0, "hello", "bye").script("demo-db-1", 0, "db ready");
        cli = CliRunner.withEngine(dir, engine);
        assertEquals(0, cli.run("up", "-d").exit());
    }

    @Test
    void printsEveryContainersLinesPrefixedAsAttachedUpDoesAndExits0() {
        CliRunner.Result r = cli.run("logs");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("db-1   | db ready\nweb-1  | hello\nweb-1  | bye\n", r.out());
    }

    @ParameterizedTest(name = "logs {0}")
    @CsvSource(delimiter = ';', textBlock = """
            web                                  ; web-1  | hello\\nweb-1  | bye\\n
            --no-log-prefix web                  ; hello\\nbye\\n
            -n 1                                 ; db-1   | db ready\\nweb-1  | bye\\n
            --tail=0                             ; ''
            --tail all web                       ; web-1  | hello\\nweb-1  | bye\\n
            -t web                               ; web-1  | 2023-11-14T22:13:20Z hello\\nweb-1  | 2023-11-14T22:13:21Z bye\\n
            --since 99s                          ; web-1  | bye\\n
            --since 1700000001                   ; web-1  | bye\\n
            --until 2023-11-14T22:13:20Z         ; db-1   | db ready\\nweb-1  | hello\\n
            --since 1m40s --until 1700000000.5   ; db-1   | db ready\\nweb-1  | hello\\n
            --index 1 web                        ; web-1  | hello\\nweb-1  | bye\\n
            -f --no-color db                     ; db-1  | db ready\\n
            """)
    void flagsPickWhatIsShownAndHow(String args, String expected) {
        CliRunner.Result r = cli.run(("logs " + args).split(" "));
        assertEquals(0, r.exit(), r.toString());
        assertEquals(expected.replace("\\n", "\n"), r.out());
    }

    @Test
    void eachFlagReachesTheEngine() {
        List<LogOptions> asked = new ArrayList<>();
        CliRunner spying = new CliRunner(dir, env -> new ForwardingEngine(engine) {
            @Override
            public LogFollower logs(String container, LogOptions options, Consumer<LogLine> lines) {
                asked.add(options);
                return super.logs(container, options, lines);
            }

            @Override
            public void close() { }
        });
        assertEquals(0, spying.run("logs", "-f", "-n", "5", "-t", "--since", "10s", "--until", "2023-11-14T22:15:00Z", "db").exit());
        assertEquals(List.of(new LogOptions(true, 5, Instant.ofEpochSecond(1_700_000_090L), Instant.parse("2023-11-14T22:15:00Z"), true)), asked);
        asked.clear();
        assertEquals(0, spying.run("logs", "db").exit());
        assertEquals(List.of(new LogOptions(false, null, null, null, false)), asked, "no flag: everything, not followed");
    }

    @Test
    void oneOffContainersAreLeftOut() {
        CliRunner.Result run = cli.run("run", "-d", "web", "echo", "one-off");
        assertEquals(0, run.exit(), run.toString());
        engine.script(run.out().strip(), 0, "from the one-off");
        CliRunner.Result r = cli.run("logs", "web");
        assertEquals("web-1  | hello\nweb-1  | bye\n", r.out());
    }

    @ParameterizedTest(name = "logs {0}")
    @CsvSource(delimiter = ';', textBlock = """
            --tail x            ; invalid value "x" for --tail: expected a number of lines or all
            --tail -2           ; invalid value "-2" for --tail: expected a number of lines or all
            --since yesterday   ; invalid value "yesterday" for --since: expected a Unix timestamp, a duration such as 42m or 1h30m, or a date and time such as 2024-01-02T15:04:05Z
            --index 2           ; --index needs exactly one service
            """)
    void badValuesAreUsageErrors(String args, String message) {
        CliRunner.Result r = cli.run(("logs " + args).split(" "));
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertEquals(message + "\n", r.err());
    }

    @Test
    void anUnknownServiceIsAnInvalidProject() {
        CliRunner.Result r = cli.run("logs", "nope");
        assertEquals(ExitCodes.INVALID_PROJECT, r.exit(), r.toString());
        assertTrue(r.err().contains("nope"), r.err());
    }

    @Test
    void worksFromTheProjectNameAloneWithoutAFile(@TempDir Path elsewhere) {
        CliRunner.Result r = CliRunner.withEngine(elsewhere, engine).run("-p", "demo", "logs", "db");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("db-1  | db ready\n", r.out());
    }

    @Test
    void withAnsiEachContainersPrefixHasDockerComposesNextColourAndNoColorTakesThemOff() {
        CliRunner.Result coloured = cli.run("--ansi", "always", "logs");
        assertEquals(0, coloured.exit(), coloured.toString());
        assertTrue(coloured.out().contains("\033[36mdb-1   |\033[0m db ready"), coloured.out());
        assertTrue(coloured.out().contains("\033[33mweb-1  |\033[0m hello"), coloured.out());
        CliRunner.Result plain = cli.run("--ansi", "always", "logs", "--no-color");
        assertFalse(plain.out().contains("\033["), plain.out());
        assertFalse(cli.run("logs").out().contains("\033["), "no terminal: no colours");
    }
}
