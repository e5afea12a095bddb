package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build context's links and a Dockerfile outside it, on the real engine: the image holds each link as a link
 * (a link to {@code /etc/shadow} leads to the image's own file, never the host's), and a {@code dockerfile:}
 * outside the context is read from the host as docker compose reads it, without its folder entering the context.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class BuildContextEngineTest {
    @TempDir
    Path dir;

    @Test
    void linksStayLinksInTheImageAndADockerfileOutsideTheContextIsRead(EngineProjects projects) throws Exception {
        String p = projects.create("buildctx");
        String marker = "host-only-" + UUID.randomUUID();
        Path context = Files.createDirectories(dir.resolve("app"));
        Path outside = Files.createDirectories(dir.resolve("host"));
        Files.writeString(outside.resolve("private.txt"), marker);
        Files.writeString(context.resolve("kept.txt"), "kept");
        Files.createSymbolicLink(context.resolve("shadow"), Path.of("/etc/shadow"));
        Files.createSymbolicLink(context.resolve("leak"), outside.resolve("private.txt"));
        Files.createSymbolicLink(context.resolve("up"), Path.of("../host/private.txt"));
        Files.createDirectories(dir.resolve("docker"));
        Files.writeString(dir.resolve("docker/app.Dockerfile"), """
                FROM jcompose/busybox:latest
                COPY . /ctx/
                CMD ["sleep", "300"]
                """);
        Files.writeString(dir.resolve("docker/beside.txt"), marker);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    build:
                      context: ./app
                      dockerfile: ../docker/app.Dockerfile
                """);
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        CliRunner.Result build = cli.run("-p", p, "build");
        assertEquals(0, build.exit(), build.toString());

        String image = p + "-app";
        String listing = Docker.run(List.of("docker", "run", "--rm", "--network", "none", image, "sh", "-c",
                "cd /ctx && ls -A | sort | tr '\\n' ' ' && echo && for l in shadow leak up; do test -L $l && echo \"$l -> $(readlink $l)\"; done"));
        assertEquals("kept.txt leak shadow up \n"
                + "shadow -> /etc/shadow\n"
                + "leak -> " + outside.resolve("private.txt") + "\n"
                + "up -> ../host/private.txt", listing,
                "the context's files and links, nothing else (the Dockerfile sent under its own name is dropped by the engine)");
        Process save = new ProcessBuilder("docker", "save", image).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] saved = save.getInputStream().readAllBytes(); // the image's layers, uncompressed tars
        assertEquals(0, save.waitFor(), "docker save");
        assertFalse(new String(saved, StandardCharsets.ISO_8859_1).contains(marker), "no byte of the host's files is in the image");
        String probe = "test -e %s && echo present || echo absent";
        assertEquals(Docker.run(List.of("docker", "run", "--rm", "--network", "none", image, "sh", "-c", probe.formatted("/etc/shadow"))),
                Docker.run(List.of("docker", "run", "--rm", "--network", "none", image, "sh", "-c", probe.formatted("/ctx/shadow"))),
                "/ctx/shadow leads to the image's own /etc/shadow (this image has none), never the host's");
        Path hostShadow = Path.of("/etc/shadow");
        if (Files.isReadable(hostShadow) && Files.size(hostShadow) > 0) { // readable where the tests run as root
            String firstLine = Files.readAllLines(hostShadow).get(0);
            assertFalse(new String(saved, StandardCharsets.ISO_8859_1).contains(firstLine), "the host's /etc/shadow is not in the image");
        }
    }
}
