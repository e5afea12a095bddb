package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.observed.ObservedContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Images built through the engine API, on the real engine: args, target, .dockerignore, rebuilds, failures, removal. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class BuildEngineTest {
    private static final String DOCKERFILE = """
            FROM jcompose/busybox:latest AS base
            ARG GREETING=unset
            RUN echo "greeting=$GREETING" > /greeting
            COPY . /src
            FROM base AS runtime
            RUN touch /stage-runtime
            CMD ["sleep", "300"]
            FROM base AS other
            RUN touch /stage-other
            """;

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private CliRunner cli(String compose) throws IOException {
        write("compose.yaml", compose);
        return new CliRunner(dir, DockerJavaEngine::connect);
    }

    private static Map<String, String> containerIds(Engine engine, String project) {
        Map<String, String> out = new TreeMap<>();
        for (ObservedContainer c : engine.containers(project)) out.put(c.service(), c.id());
        return out;
    }

    @Test
    void buildsWithArgsAndTargetAndLeavesIgnoredFilesOut(EngineProjects projects) throws Exception {
        String p = projects.create("build");
        write("app/Dockerfile", DOCKERFILE);
        write("app/.dockerignore", "*.log\nsecret/\n");
        write("app/keep.txt", "kept\n");
        write("app/debug.log", "noise\n");
        write("app/secret/key", "do not ship\n");
        CliRunner cli = cli("""
                services:
                  app:
                    build:
                      context: ./app
                      target: runtime
                      args: {GREETING: hello}
                      labels: {org.example.role: demo}
                """);
        CliRunner.Result up = cli.run("-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        assertTrue(up.err().contains("Image " + p + "-app  Built"), up.toString());
        String c = p + "-app-1";
        assertEquals("greeting=hello", Docker.exec(c, "cat", "/greeting"), "the build arg reached the RUN step");
        assertEquals("yes", Docker.exec(c, "sh", "-c", "test -e /stage-runtime && echo yes"), "the target stage was built");
        assertEquals("no", Docker.exec(c, "sh", "-c", "test -e /stage-other && echo yes || echo no"), "a stage after the target was not");
        assertEquals("kept", Docker.exec(c, "cat", "/src/keep.txt"));
        assertEquals(".dockerignore Dockerfile keep.txt", Docker.exec(c, "sh", "-c", "cd /src && ls -A | xargs"),
                "debug.log and secret/ were left out of the context");
        try (Engine engine = DockerJavaEngine.connect(Map.of())) {
            var image = engine.image(p + "-app").orElseThrow();
            assertEquals(p, image.labels().get(Labels.PROJECT));
            assertEquals("app", image.labels().get(Labels.SERVICE));
            assertEquals("demo", image.labels().get("org.example.role"));
        }
        CliRunner.Result images = cli.run("-p", p, "images");
        assertTrue(images.out().startsWith("CONTAINER"), images.toString());
        assertTrue(images.out().contains(c + "   " + p + "-app   latest"), images.toString());
    }

    @Test
    void aRebuildRecreatesOnlyTheServiceWhoseImageChanged(EngineProjects projects) throws Exception {
        String p = projects.create("rebuild");
        write("app/Dockerfile", "FROM jcompose/busybox:latest\nCOPY . /src\nCMD [\"sleep\", \"300\"]\n");
        write("app/version.txt", "1\n");
        write("api/Dockerfile", "FROM jcompose/busybox:latest\nCOPY . /src\nCMD [\"sleep\", \"300\"]\n");
        write("api/version.txt", "api 1\n"); // identical contexts would share one cached image
        CliRunner cli = cli("""
                services:
                  app: {build: ./app, depends_on: [api]}
                  api: {build: ./api}
                  cache: {image: "jcompose/busybox:latest", command: [sleep, "300"]}
                """);
        assertEquals(0, cli.run("-p", p, "up", "-d").exit());
        try (Engine engine = DockerJavaEngine.connect(Map.of())) {
            Map<String, String> before = containerIds(engine, p);
            CliRunner.Result same = cli.run("-p", p, "up", "-d", "--build");
            assertEquals(0, same.exit(), same.toString());
            assertEquals(before, containerIds(engine, p), "the same context rebuilds to the same image: nothing recreated");

            write("app/version.txt", "2\n");
            CliRunner.Result up = cli.run("-p", p, "up", "-d", "--build");
            assertEquals(0, up.exit(), up.toString());
            Map<String, String> after = containerIds(engine, p);
            assertNotEquals(before.get("app"), after.get("app"), "app's image changed: recreated");
            assertEquals(before.get("api"), after.get("api"), "api's image did not change");
            assertEquals(before.get("cache"), after.get("cache"));
            assertEquals("2", Docker.exec(p + "-app-1", "cat", "/src/version.txt"));

            // the old app image is left dangling, as with docker compose; prune removes the project's own
            assertTrue(engine.images(p).stream().anyMatch(i -> i.dangling()), "a dangling image after the rebuild");
            CliRunner.Result prune = cli.run("-p", p, "prune");
            assertEquals(0, prune.exit(), prune.toString());
            assertFalse(engine.images(p).stream().anyMatch(i -> i.dangling()), prune.toString());

            // --no-build with the image gone is an error before anything changes
            assertEquals(0, cli.run("-p", p, "down", "--rmi", "local").exit());
            assertTrue(engine.images(p).isEmpty(), "down --rmi local removed the project's built images");
            CliRunner.Result noBuild = cli.run("-p", p, "up", "-d", "--no-build");
            assertEquals(ExitCodes.INVALID_PROJECT, noBuild.exit(), "refused before any change, as a missing external network is: " + noBuild);
            assertTrue(noBuild.err().contains("has not been built"), noBuild.toString());
            assertTrue(engine.containers(p).isEmpty(), "nothing was created");
        }
    }

    @Test
    void aFailingStepIsReportedWithItsExitCodeAndTagsNothing(EngineProjects projects) throws Exception {
        String p = projects.create("buildfail");
        write("app/Dockerfile", "FROM jcompose/busybox:latest\nRUN echo first\nCMD [\"sleep\", \"300\"]\n");
        CliRunner cli = cli("""
                services:
                  app:
                    build: {context: ./app, tags: ["%s-extra:1"]}
                """.formatted(p));
        assertEquals(0, cli.run("-p", p, "build").exit());
        try (Engine engine = DockerJavaEngine.connect(Map.of())) {
            String good = engine.imageId(p + "-app").orElseThrow();
            assertEquals(good, engine.imageId(p + "-extra:1").orElseThrow(), "extra tags name the same image");

            write("app/Dockerfile", "FROM jcompose/busybox:latest\nRUN echo about to fail && exit 3\nRUN echo never\n");
            CliRunner.Result build = cli.run("-p", p, "build", "--no-cache");
            assertEquals(ExitCodes.FAILED, build.exit(), build.toString());
            // 4 steps: jcompose adds one LABEL instruction with compose's image labels
            assertTrue(build.err().contains("service \"app\": failed to build " + p + "-app at Step 2/4 : RUN echo about to fail && exit 3"),
                    build.toString());
            assertTrue(build.err().contains("returned a non-zero code: 3"), build.toString());
            assertTrue(build.err().contains("    about to fail"), "the step's own output: " + build);
            assertEquals(good, engine.imageId(p + "-app").orElseThrow(), "the name still points at the last good image");
            assertEquals(good, engine.imageId(p + "-extra:1").orElseThrow(), "and so does every extra tag");
        }
    }

    @Test
    void pullWithoutARegistryIsAClearErrorNotACrash(EngineProjects projects) throws Exception {
        String p = projects.create("pull");
        CliRunner cli = cli("services:\n  x: {image: \"registry.invalid/nothing:1\"}\n");
        CliRunner.Result pull = cli.run("-p", p, "pull");
        assertEquals(ExitCodes.FAILED, pull.exit(), pull.toString());
        assertTrue(pull.err().contains("Error: pull image registry.invalid/nothing:1:"), pull.toString());
        assertTrue(pull.err().contains("no image registry answers"), pull.toString());
        CliRunner.Result ignored = cli.run("-p", p, "pull", "--ignore-pull-failures");
        assertEquals(0, ignored.exit(), ignored.toString());
    }
}
