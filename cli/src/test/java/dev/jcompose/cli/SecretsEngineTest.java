package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets stay secret: a marker value as the content of a secret file and as a secret taken from the environment is
 * looked for in every channel jcompose or the engine shows: {@code config}, {@code --dry-run}, each progress mode,
 * a failing {@code up}'s error, {@code ps --format json}, {@code events --json}, {@code logs}, jcompose's own logs
 * at their most verbose level ({@code JCOMPOSE_LOG_LEVEL=trace}, every command), and {@code docker inspect} of
 * every container the project made. jcompose runs as its own process here ({@link Main}, as the launcher runs it),
 * so that its logging is set up as for a user. A config's content is not secret (docker compose's {@code config}
 * prints it): its marker is only checked to stay out of the containers' labels and environment.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class SecretsEngineTest {
    private final String fileMarker = "filesecret-" + UUID.randomUUID();
    private final String envMarker = "envsecret-" + UUID.randomUUID();
    private final String configMarker = "configcontent-" + UUID.randomUUID();

    @TempDir
    Path dir;

    /** What one jcompose process printed on stdout and stderr (jcompose's logs go to stderr). */
    private record Run(String what, int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @Test
    void noSecretValueReachesAnyOutputAndTheFilesAreMountedAsAsked(EngineProjects projects) throws Exception {
        String p = projects.create("secrets");
        Files.writeString(dir.resolve("db-password.txt"), fileMarker + "\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: jcompose/busybox:latest
                    init: true
                    command: ["sleep", "300"]
                    environment:
                      PLAIN: not-a-secret
                    secrets:
                      - db_password
                      - token
                      - source: token
                        target: /run/secrets/token-private
                        mode: 0400
                    configs:
                      - source: settings
                        target: /etc/settings.txt
                  broken:
                    image: jcompose/busybox:latest
                    profiles: [fail]
                    command: ["sleep", "300"]
                    secrets:
                      # /etc/passwd is a file in the image: the copy into the container fails
                      - source: token
                        target: /etc/passwd/token
                secrets:
                  db_password:
                    file: ./db-password.txt
                  token:
                    environment: SECRET_TOKEN
                configs:
                  settings:
                    content: "%s"
                """.formatted(configMarker));

        List<Run> runs = new ArrayList<>();
        Run config = jcompose("-p", p, "config");
        assertEquals(0, config.exit(), config.toString());
        assertTrue(config.out().contains(dir.resolve("db-password.txt").toString()), "config prints the secret file as a path:\n" + config.out());
        assertTrue(config.out().contains("environment: SECRET_TOKEN"), "config names the variable:\n" + config.out());
        assertTrue(config.out().contains(configMarker), "a config's content is printed, as docker compose does:\n" + config.out());
        runs.add(config);
        runs.add(jcompose("-p", p, "config", "--format", "json"));
        runs.add(jcompose("-p", p, "config", "--hash", "*"));
        runs.add(jcompose("-p", p, "up", "-d", "--dry-run"));

        Jcompose events = new Jcompose("-p", p, "events", "--json");
        Thread.sleep(1_500); // the events stream is open before the containers are made
        for (String mode : List.of("plain", "tty", "json", "auto", "quiet")) {
            Run up = jcompose("--progress", mode, "-p", p, "up", "-d", "--force-recreate");
            assertEquals(0, up.exit(), up.toString());
            runs.add(up);
        }
        Run failing = jcompose("--profile", "fail", "-p", p, "up", "-d");
        assertEquals(1, failing.exit(), failing.toString());
        assertTrue(failing.err().contains("copy configs and secrets into " + p + "-broken-1"), "the failure is named:\n" + failing.err());
        runs.add(failing);
        runs.add(jcompose("-p", p, "ps", "--format", "json"));
        runs.add(jcompose("-p", p, "ps", "-a"));
        runs.add(jcompose("-p", p, "logs"));
        runs.add(jcompose("-p", p, "up", "-d", "--dry-run", "--force-recreate"));
        events.proc.destroy();
        Run eventsRun = events.finish();
        assertTrue(eventsRun.out().contains("\"action\":\"start\""), "events saw the ups:\n" + eventsRun);
        runs.add(eventsRun);

        Run traced = runs.get(4);
        assertTrue(traced.err().contains("DEBUG"), "the runs log at their most verbose level:\n" + traced.err());
        for (Run r : runs) {
            for (String marker : List.of(fileMarker, envMarker)) {
                assertFalse(r.all().contains(marker), () -> r.what() + " shows a secret's value:\n" + r);
            }
        }

        String ids = Docker.run(List.of("docker", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + p));
        List<String> inspect = new ArrayList<>(List.of("docker", "inspect"));
        inspect.addAll(ids.lines().toList());
        assertFalse(ids.isBlank(), "the project has containers");
        String inspected = Docker.run(inspect);
        assertTrue(inspected.contains("PLAIN=not-a-secret"), "the inspection shows the environment");
        for (String marker : List.of(fileMarker, envMarker, configMarker)) {
            assertFalse(inspected.contains(marker), "docker inspect shows " + marker + ":\n" + inspected);
        }

        String c = p + "-app-1";
        assertEquals(fileMarker, Docker.exec(c, "cat", "/run/secrets/db_password"));
        assertEquals(envMarker, Docker.exec(c, "cat", "/run/secrets/token"));
        assertEquals(configMarker, Docker.exec(c, "cat", "/etc/settings.txt"));
        // given by environment or content: written with the mode asked for, 0444 when none is
        assertEquals("444 0 0", Docker.exec(c, "stat", "-c", "%a %u %g", "/run/secrets/token"));
        assertEquals("400 0 0", Docker.exec(c, "stat", "-c", "%a %u %g", "/run/secrets/token-private"));
        assertEquals("444 0 0", Docker.exec(c, "stat", "-c", "%a %u %g", "/etc/settings.txt"));
        // given by a file: bound read-only (as docker compose does, it keeps the host file's mode): root cannot write it
        String mount = Docker.exec(c, "grep", " /run/secrets/db_password ", "/proc/mounts");
        assertTrue(mount.split(" ")[3].startsWith("ro,") || mount.split(" ")[3].equals("ro"), "mounted read-only: " + mount);
        Process write = new ProcessBuilder("docker", "exec", c, "sh", "-c", "echo changed > /run/secrets/db_password").start();
        assertNotEquals(0, write.waitFor(), "the secret file cannot be written");
        assertEquals(fileMarker + "\n", Files.readString(dir.resolve("db-password.txt")));

        Run down = jcompose("-p", p, "down", "-t", "0");
        assertEquals(0, down.exit(), down.toString());
        for (String marker : List.of(fileMarker, envMarker)) assertFalse(down.all().contains(marker), down.toString());
    }

    /** A jcompose process with both its streams drained as it runs (a full pipe of trace logs would block it). */
    private final class Jcompose {
        final String what;
        final Process proc;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final List<Thread> readers = new ArrayList<>();

        Jcompose(String... args) throws IOException {
            what = String.join(" ", args);
            List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            argv.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectInput(new File("/dev/null"));
            pb.environment().put("SECRET_TOKEN", envMarker);
            pb.environment().put("JCOMPOSE_LOG_LEVEL", "trace");
            pb.environment().remove("COMPOSE_PROGRESS");
            proc = pb.start();
            readers.add(drain(proc.getInputStream(), out));
            readers.add(drain(proc.getErrorStream(), err));
        }

        private static Thread drain(InputStream in, ByteArrayOutputStream to) {
            Thread t = new Thread(() -> {
                try {
                    in.transferTo(to);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            t.start();
            return t;
        }

        Run finish() throws InterruptedException {
            assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "jcompose " + what + " ends");
            for (Thread t : readers) t.join();
            return new Run(what, proc.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private Run jcompose(String... args) throws Exception {
        return new Jcompose(args).finish();
    }
}
