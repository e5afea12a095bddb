package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code volumes} on the in-memory engine: the project's volumes, a service's, -q, the docker CLI's formats. */
class VolumesCommandTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void twoServicesWithVolumes() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, volumes: [static:/srv]}
                  db: {image: busybox, volumes: [data:/var/lib/db, logs:/logs]}
                volumes:
                  static: {}
                  data: {}
                  logs: {}
                """);
        Files.writeString(dir.resolve("other.yaml"), "name: other\nservices:\n  x: {image: busybox, volumes: [v:/v]}\nvolumes:\n  v: {}\n");
        cli = CliRunner.withEngine(dir, new InMemoryEngine().withImages("busybox"));
        assertEquals(0, cli.run("up", "-d").exit());
        assertEquals(0, cli.run("-f", "other.yaml", "up", "-d").exit());
    }

    @Test
    void aTableOfTheProjectsVolumes() {
        CliRunner.Result r = cli.run("volumes");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                DRIVER   VOLUME NAME
                local    demo_data
                local    demo_logs
                local    demo_static
                """, r.out());
    }

    @ParameterizedTest(name = "volumes {0}")
    @CsvSource(delimiter = ';', textBlock = """
            -q                                   ; demo_data,demo_logs,demo_static
            -q db                                ; demo_data,demo_logs
            -q web                               ; demo_static
            --format {{.Name}}:{{.Scope}} web    ; demo_static:local
            --format {{.Mountpoint}} web         ; /var/lib/docker/volumes/demo_static/_data
            """)
    void namesAndTemplates(String args, String lines) {
        List<String> argv = new ArrayList<>(List.of("volumes"));
        argv.addAll(List.of(args.split(" ")));
        CliRunner.Result r = cli.run(argv.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        assertEquals(String.join("\n", lines.split(",")) + "\n", r.out());
    }

    @Test
    void jsonWithTheDockerCliKeys() throws IOException {
        CliRunner.Result r = cli.run("volumes", "--format", "json", "web");
        assertEquals(0, r.exit(), r.toString());
        JsonNode v = new ObjectMapper().readTree(r.out().strip());
        List<String> keys = new ArrayList<>();
        v.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("Availability", "Driver", "Group", "Labels", "Links", "Mountpoint", "Name", "Scope", "Size", "Status"), keys);
        assertEquals("demo_static", v.get("Name").asText());
        assertTrue(v.get("Labels").asText().contains("com.docker.compose.project=demo"), v.toString());
    }

    @Test
    void anUnknownFieldOrServiceIsRefused() {
        CliRunner.Result field = cli.run("volumes", "--format", "{{.Nope}}");
        assertEquals(2, field.exit(), field.toString());
        assertTrue(field.err().startsWith("unknown field .Nope in --format; fields: Availability, Driver"), field.err());
        assertEquals(ExitCodes.INVALID_PROJECT, cli.run("volumes", "nope").exit());
    }
}
