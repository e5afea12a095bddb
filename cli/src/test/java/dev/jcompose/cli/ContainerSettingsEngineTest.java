package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings newer than docker-compose v1, which the parity test cannot compare, checked on the real engine: configs
 * and secrets given by content and by an environment variable are files in the container with their mode (the
 * secret's value nowhere in the container's configuration or jcompose's output); a file config is bound; an
 * attribute the engine cannot honour is a warning with its line; a read-only service cannot take written files.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class ContainerSettingsEngineTest {
    private static final String SECRET = "marker-5e3c-never-printed";

    @TempDir
    Path dir;

    @Test
    void configsAndSecretsReachTheContainerAsFiles(EngineProjects projects) throws Exception {
        Files.writeString(dir.resolve("app.conf"), "from a file\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: jcompose/busybox:latest
                    command: [sleep, "300"]
                    init: true
                    configs:
                      - source: inline
                        target: /etc/app/inline.conf
                        mode: 0440
                      - app_conf
                    secrets: [token]
                    deploy:
                      placement: {constraints: [node.role==manager]}
                configs:
                  inline: {content: "port=8080"}
                  app_conf: {file: ./app.conf}
                secrets:
                  token: {environment: TOKEN}
                """);
        String p = projects.create("settings");
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect).env("TOKEN", SECRET);
        CliRunner.Result up = cli.run("-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        assertTrue(up.err().contains("compose.yaml:13:7: services.app.deploy.placement: applies to a swarm only: ignored"), up.err());
        String c = p + "-app-1";
        assertEquals("port=8080", Docker.run(List.of("docker", "exec", c, "cat", "/etc/app/inline.conf")));
        assertEquals("-r--r-----", Docker.run(List.of("docker", "exec", c, "stat", "-c", "%A", "/etc/app/inline.conf")));
        assertEquals(SECRET, Docker.run(List.of("docker", "exec", c, "cat", "/run/secrets/token")));
        assertEquals("-r--r--r--", Docker.run(List.of("docker", "exec", c, "stat", "-c", "%A", "/run/secrets/token")));
        assertEquals("from a file", Docker.run(List.of("docker", "exec", c, "cat", "/app_conf")));
        String inspect = Docker.run(List.of("docker", "inspect", c));
        assertFalse(inspect.contains(SECRET), "the secret is in no label, environment or argument");
        CliRunner.Result dry = cli.run("-p", p, "up", "-d", "--force-recreate", "--dry-run");
        assertFalse((up.out() + up.err() + dry.out() + dry.err()).contains(SECRET), "nor in what jcompose prints");
    }

    @Test
    void aReadOnlyServiceCannotTakeWrittenFilesAndNothingIsMade(EngineProjects projects) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: jcompose/busybox:latest
                    read_only: true
                    configs: [inline]
                configs:
                  inline: {content: "x"}
                """);
        String p = projects.create("settings-ro");
        CliRunner.Result up = new CliRunner(dir, DockerJavaEngine::connect).run("-p", p, "up", "-d");
        assertTrue(up.exit() != 0, up.toString());
        assertTrue(up.err().contains("service \"app\" is read_only"), up.err());
        try (var engine = RealEngine.connect()) {
            assertTrue(engine.containers(p).isEmpty(), "no half-made stack");
            assertTrue(engine.networks().stream().noneMatch(n -> n.name().equals(p + "_default")), "no network either");
        }
    }

    @Test
    void hooksRunAfterTheStartAndBeforeTheStop(EngineProjects projects) throws Exception {
        Files.createDirectories(dir.resolve("out"));
        // the hook runs as uid 1234, which must be able to write there
        Files.setPosixFilePermissions(dir.resolve("out"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: jcompose/busybox:latest
                    command: [sleep, "300"]
                    init: true
                    volumes: ["./out:/out"]
                    post_start:
                      - command: [sh, -c, "echo started as $$(id -u) > /out/post_start"]
                        user: "1234"
                    pre_stop:
                      - command: [sh, -c, "echo $$GREETING > /out/pre_stop"]
                        environment: {GREETING: bye}
                  broken:
                    image: jcompose/busybox:latest
                    command: [sleep, "300"]
                    profiles: [broken]
                    post_start:
                      - command: [sh, -c, "echo no >&2; exit 3"]
                """);
        String p = projects.create("hooks");
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        CliRunner.Result up = cli.run("-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        assertEquals("started as 1234\n", Files.readString(dir.resolve("out/post_start")));
        CliRunner.Result stop = cli.run("-p", p, "stop", "-t", "1");
        assertEquals(0, stop.exit(), stop.toString());
        assertEquals("bye\n", Files.readString(dir.resolve("out/pre_stop")));

        CliRunner.Result broken = cli.run("-p", p, "--profile", "broken", "up", "-d", "broken");
        assertEquals(1, broken.exit(), broken.toString());
        assertTrue(broken.err().contains("post_start hook of " + p + "-broken-1 exited with status 3: no"), broken.err());
    }
}
