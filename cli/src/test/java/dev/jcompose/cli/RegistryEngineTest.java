package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.LocalRegistry;
import dev.jcompose.executor.testing.RealEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code push} and {@code pull} on their success paths, against the local registry ({@code scripts/registry.sh}):
 * a built image pushed with its extra tag, removed from the engine, and brought back with the same id by
 * {@code pull} and by {@code up} as a service's {@code pull_policy} asks.
 */
@Tag("engine")
@ExtendWith({RealEngine.class, LocalRegistry.class})
class RegistryEngineTest {
    @TempDir
    Path dir;

    @Test
    void pushThenPullBringsTheSameImageBack(EngineProjects projects) throws IOException {
        String p = projects.create("push");
        String repository = p + "/app";
        String image = LocalRegistry.ADDRESS + "/" + repository + ":1";
        String extra = LocalRegistry.ADDRESS + "/" + repository + ":extra";
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/Dockerfile"), "FROM jcompose/busybox:latest\nRUN echo " + p + " > /made-by\nCMD [\"sleep\", \"300\"]\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: %s
                    build:
                      context: ./app
                      tags: ["%s"]
                """.formatted(image, extra));
        // the same image as a service without a build section: what pull brings
        Files.writeString(dir.resolve("consumer.yaml"), """
                services:
                  consumer:
                    image: %s
                    pull_policy: missing
                """.formatted(image));
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        try (Engine engine = RealEngine.connect()) {
            CliRunner.Result build = cli.run("-p", p, "build", "-q");
            assertEquals(0, build.exit(), build.toString());
            String built = engine.imageId(image).orElseThrow();

            CliRunner.Result push = cli.run("-p", p, "push");
            assertEquals(0, push.exit(), push.toString());
            assertTrue(push.err().contains(image) && push.err().contains(extra), "push names both tags: " + push);
            assertEquals(List.of("1", "extra"), LocalRegistry.tags(repository), "both tags are in the registry");

            engine.removeImage(image);
            engine.removeImage(extra);
            assertFalse(engine.imageExists(image), "the local image is gone");

            CliRunner.Result pull = cli.run("-p", p, "-f", "consumer.yaml", "pull");
            assertEquals(0, pull.exit(), pull.toString());
            assertEquals(built, engine.imageId(image).orElseThrow(), "pull brings back the image that was pushed");

            // pull_policy: missing — up pulls the image it lacks, then runs it
            engine.removeImage(image);
            CliRunner.Result up = cli.run("-p", p, "-f", "consumer.yaml", "up", "-d");
            assertEquals(0, up.exit(), up.toString());
            assertEquals(built, engine.imageId(image).orElseThrow(), "up pulled it: " + up);
            assertEquals(built, engine.containers(p).get(0).imageId(), "and the container runs it");
            assertTrue(up.err().contains("Image " + image + "  Pulled"), "up says it pulled: " + up);
        } finally {
            LocalRegistry.delete(repository);
        }
    }
}
