package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** volumes, ps --filter/--orphans and ls --filter on the real engine, across two projects. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class ListingEngineTest {
    @TempDir
    Path dir;

    @Test
    void volumesPsFiltersAndLsFilter(EngineProjects projects) throws Exception {
        String p = projects.create("list");
        String q = projects.create("list-other");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app: {image: jcompose/busybox:latest, command: [sleep, "300"], volumes: [data:/data]}
                  gone: {image: jcompose/busybox:latest, command: [sleep, "300"]}
                  once: {image: jcompose/busybox:latest, command: ["true"]}
                volumes:
                  data: {}
                """);
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        assertEquals(0, cli.run("-p", p, "up", "-d").exit());
        assertEquals(0, cli.run("-p", q, "up", "-d", "app").exit());
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app: {image: jcompose/busybox:latest, command: [sleep, "300"], volumes: [data:/data]}
                  once: {image: jcompose/busybox:latest, command: ["true"]}
                volumes:
                  data: {}
                """);

        CliRunner.Result volumes = cli.run("-p", p, "volumes");
        assertEquals(0, volumes.exit(), volumes.toString());
        assertEquals("DRIVER   VOLUME NAME\nlocal    " + p + "_data\n", volumes.out());
        assertEquals(p + "_data\n", cli.run("-p", p, "volumes", "-q", "app").out());
        assertEquals("", cli.run("-p", p, "volumes", "-q", "once").out());

        // once has exited; gone is an orphan now
        for (int i = 0; i < 100 && !cli.run("-p", p, "ps", "-q", "--filter", "status=exited").out().contains("\n"); i++) Thread.sleep(100);
        assertEquals(p + "-once-1\n", cli.run("-p", p, "ps", "--format", "{{.Name}}", "--filter", "status=exited").out());
        assertEquals(p + "-app-1\n" + p + "-gone-1\n", cli.run("-p", p, "ps", "--format", "{{.Name}}").out());
        assertEquals(p + "-app-1\n", cli.run("-p", p, "ps", "--format", "{{.Name}}", "--orphans=false").out());

        CliRunner.Result ls = cli.run("ls", "-q", "--filter", "name=^" + p);
        assertEquals(0, ls.exit(), ls.toString());
        assertEquals(p + "\n", ls.out(), "only the project the expression matches");
        String both = cli.run("ls", "-q", "--filter", "name=" + p, "--filter", "name=" + q).out();
        assertTrue(both.contains(p + "\n") && both.contains(q + "\n"), both);
    }
}
