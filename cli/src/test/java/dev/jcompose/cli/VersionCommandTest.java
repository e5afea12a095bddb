package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.memory.InMemoryEngine;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code version}: pretty, short and json, as docker compose prints them; no engine. */
class VersionCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "version {0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            -                       ; 0 ; jcompose version @
            --format pretty         ; 0 ; jcompose version @
            --format json           ; 0 ; {"version":"@"}
            -f json                 ; 0 ; {"version":"@"}
            --format=json --short   ; 0 ; @
            --short                 ; 0 ; @
            --format yaml           ; 2 ; -
            """)
    void printsTheVersionAsAsked(String args, int exit, String out) {
        CliRunner cli = CliRunner.withEngine(dir, new InMemoryEngine());
        CliRunner.Result r = cli.run(args == null ? new String[] {"version"} : ("version " + args).split(" "));
        assertEquals(exit, r.exit(), r.toString());
        assertEquals(out == null ? "" : out.replace("@", VersionCommand.version()) + "\n", r.out());
        assertEquals(exit == 2 ? "invalid value \"yaml\" for --format: expected pretty or json\n" : "", r.err());
        assertEquals(0, cli.connections());
    }

    @Test
    void jsonParsesAsDockerComposesObject() throws Exception {
        String out = CliRunner.withEngine(dir, new InMemoryEngine()).run("version", "--format", "json").out();
        assertEquals(Map.of("version", VersionCommand.version()), new ObjectMapper().readValue(out, Map.class));
    }
}
