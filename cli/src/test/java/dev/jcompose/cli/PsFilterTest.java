package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ps --filter}, {@code --orphans} and {@code --no-trunc}, and {@code ls --filter}, as docker compose reads them. */
class PsFilterTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void aRunningAStoppedAndAnOrphanContainer() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, command: [sh, -c, "echo a rather long command line && sleep 100"]}
                  off: {image: busybox}
                  old: {image: busybox}
                """);
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        cli = CliRunner.withEngine(dir, engine);
        assertEquals(0, cli.run("up", "-d").exit());
        assertEquals(0, cli.run("stop", "off").exit());
        // old leaves the file: its running container is an orphan now
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, command: [sh, -c, "echo a rather long command line && sleep 100"]}
                  off: {image: busybox}
                """);
        Files.writeString(dir.resolve("other.yaml"), "name: other\nservices:\n  app: {image: busybox}\n");
        assertEquals(0, cli.run("-f", "other.yaml", "up", "-d").exit());
        Files.writeString(dir.resolve("third.yaml"), "name: demo2\nservices:\n  app: {image: busybox}\n");
        assertEquals(0, cli.run("-f", "third.yaml", "up", "-d").exit());
    }

    private CliRunner.Result run(String args) {
        return cli.run(args.split(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            ps --format {{.Name}}                              ; 0 ; demo-old-1 demo-web-1
            ps --format {{.Name}} --orphans                    ; 0 ; demo-old-1 demo-web-1
            ps --format {{.Name}} --orphans=true -a            ; 0 ; demo-off-1 demo-old-1 demo-web-1
            ps --format {{.Name}} --orphans=false              ; 0 ; demo-web-1
            ps --format {{.Name}} --orphans=false -a           ; 0 ; demo-off-1 demo-web-1
            ps --format {{.Name}} --orphans=false old          ; 3 ; -
            ps --format {{.Name}} --filter status=exited       ; 0 ; demo-off-1
            ps --format {{.Name}} --filter=status=running      ; 0 ; demo-old-1 demo-web-1
            ps --format {{.Name}} --filter status=exited --status running ; 0 ; demo-off-1 demo-old-1 demo-web-1
            ps --format {{.Name}} --filter status=up           ; 2 ; -
            ps --format {{.Name}} --filter source=image        ; 2 ; -
            ps --format {{.Name}} --filter health=healthy      ; 2 ; -
            ps --format {{.Name}} --filter status              ; 2 ; -
            ps --format {{.Name}} --orphans=maybe              ; 2 ; -
            ls -q                                              ; 0 ; demo demo2 other
            ls -q --filter name=demo                           ; 0 ; demo demo2
            ls -q --filter name=^demo$                         ; 0 ; demo
            ls -q --filter name=oth --filter name=demo2        ; 0 ; demo2 other
            ls -q --filter name=nope                           ; 0 ; -
            ls -q --filter name=[                              ; 0 ; -
            ls -q --filter label=x                             ; 2 ; -
            ls -q --filter name                                ; 2 ; -
            """)
    void onlyWhatTheFiltersKeep(String args, int exit, String names) {
        CliRunner.Result r = run(args);
        assertEquals(exit, r.exit(), r.toString());
        assertEquals(names == null ? "" : String.join("\n", names.split(" ")) + "\n", r.out(), r.toString());
    }

    @ParameterizedTest(name = "ps {0}")
    @CsvSource(delimiter = ';', textBlock = """
            --filter status=up     ; invalid value "up" for --status: expected one of created, restarting, running, removing, paused, exited, dead
            --filter source=image  ; --filter source is not implemented (docker compose does not implement it either)
            --filter health=x      ; unknown filter health (supported filters: status)
            --filter status        ; arguments to --filter should be in form KEY=VAL
            """)
    void aBadFilterSaysWhy(String args, String message) {
        List<String> argv = new ArrayList<>(List.of("ps"));
        argv.addAll(List.of(args.split(" ")));
        CliRunner.Result r = cli.run(argv.toArray(String[]::new));
        assertEquals(2, r.exit(), r.toString());
        assertEquals(message + "\n", r.err());
    }

    @ParameterizedTest(name = "ps {0}")
    @CsvSource(delimiter = ';', textBlock = """
            --format {{.Command}}             ; "sh -c echo a rather…"
            --format {{.Command}} --no-trunc  ; "sh -c echo a rather long command line && sleep 100"
            """)
    void theCommandIsShortenedUnlessNoTrunc(String args, String command) {
        List<String> argv = new ArrayList<>(List.of("ps", "web"));
        argv.addAll(List.of(args.split(" ")));
        CliRunner.Result r = cli.run(argv.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        assertEquals(command + "\n", r.out());
    }

    @ParameterizedTest(name = "ps {0}")
    @CsvSource(delimiter = ';', textBlock = """
            --format {{.ID}}            ; 12
            --format {{.ID}} --no-trunc ; 0
            -q                          ; 0
            """)
    void idsAreShortenedInTemplatesUnlessNoTrunc(String args, int length) {
        List<String> argv = new ArrayList<>(List.of("ps", "web"));
        argv.addAll(List.of(args.split(" ")));
        String id = cli.run(argv.toArray(String[]::new)).out().strip();
        String full = cli.run("ps", "-q", "web").out().strip();
        assertEquals(length == 0 ? full : full.substring(0, Math.min(12, full.length())), id);
    }
}
