package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev/prod samples end to end, as the README runs them: dev up, the app answers with its seed data, a note
 * written; the switch to prod on the same machine (same project), the note read back through the proxy, the
 * password nowhere in an environment, limits applied; the backup profile; down. The samples are copied to a
 * folder of the test's own (with the jar Maven built), so that a run leaves the repository as it was.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class SamplesEngineTest {
    static final Path SAMPLES = DependencyRuleTest.REPO.resolve("samples");

    @TempDir
    Path dir;

    @Test
    void devThenProdOnOneMachineKeepsTheData(EngineProjects projects) throws Exception {
        assertTrue(Files.isRegularFile(SAMPLES.resolve("app/target/sample-app.jar")),
                "the reactor packages samples/app before the cli's tests run");
        copy(SAMPLES, dir);
        Process secrets = new ProcessBuilder(dir.resolve("prod/make-secrets.sh").toString()).inheritIO().start();
        assertEquals(0, secrets.waitFor());
        String password = Files.readString(dir.resolve("prod/secrets/redis_password.txt")).strip();

        String p = projects.create("samples");
        int app = Http.freePort();
        int proxy = Http.freePort();
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect)
                .env("APP_PORT", String.valueOf(app)).env("PROXY_PORT", String.valueOf(proxy))
                .env("DEBUG_PORT", String.valueOf(Http.freePort())).env("REDIS_PORT", String.valueOf(Http.freePort()));
        String[] dev = {"-p", p, "-f", "compose.yaml", "-f", "compose.dev.yaml"};
        String[] prod = {"-p", p, "-f", "compose.yaml", "-f", "compose.prod.yaml"};

        CliRunner.Result devUp = cli.run(args(dev, "up", "-d", "--wait"));
        assertEquals(0, devUp.exit(), devUp.toString());
        assertTrue(Http.getOnce(app, "/").startsWith("hello from the dev sample"), "up --wait returned once the app serves");
        assertEquals("first note (seeded in dev)\nsecond note (seeded in dev)\n", Http.get(app, "/notes"));
        assertEquals("201 note 3 kept\n", Http.post(app, "/notes", "written in dev"));

        CliRunner.Result prodUp = cli.run(args(prod, "up", "-d", "--remove-orphans"));
        assertEquals(0, prodUp.exit(), prodUp.toString());
        assertTrue(Http.get(proxy, "/").startsWith("hello from the prod sample"), "served through the proxy");
        assertTrue(Http.get(proxy, "/notes").endsWith("written in dev\n"), "the volume kept dev's data across the switch");
        try (Engine engine = RealEngine.connect()) {
            List<String> services = engine.containers(p).stream().map(c -> c.service()).sorted().toList();
            assertEquals(List.of("app", "migrate", "proxy", "redis"), services, "seed (dev only) went as an orphan");
            for (String service : services) {
                String c = p + "-" + service + "-1";
                String env = Docker.run(List.of("docker", "inspect", "-f", "{{json .Config.Env}} {{json .Args}}", c));
                assertFalse(env.contains(password), "no password in the environment or arguments of " + c);
                if (service.equals("migrate")) {
                    // the one-shot migration ran once, before the app, and is done
                    assertEquals("exited 0", Docker.run(List.of("docker", "inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", c)));
                    continue;
                }
                assertEquals("unless-stopped", Docker.run(List.of("docker", "inspect", "-f", "{{.HostConfig.RestartPolicy.Name}}", c)));
                assertFalse(Docker.run(List.of("docker", "inspect", "-f", "{{.HostConfig.Memory}}", c)).equals("0"), "a memory limit on " + c);
            }
            assertTrue(Docker.run(List.of("docker", "inspect", "-f", "{{json .Config.Env}}", p + "-app-1")).contains("\"APP_RELEASE=2026.12-sample\""),
                    "the .env value reached the app");
            String published = Docker.run(List.of("docker", "ps", "--filter", "label=com.docker.compose.project=" + p, "--format", "{{.Names}} {{.Ports}}"));
            assertEquals(1, published.lines().filter(l -> l.contains("->")).count(), "only the proxy publishes a port: " + published);
        }

        CliRunner.Result backup = cli.run(args(prod, "--profile", "tools", "run", "--rm", "backup"));
        assertEquals(0, backup.exit(), backup.toString());
        assertTrue(Files.size(dir.resolve("prod/backups/dump.rdb")) > 0);

        CliRunner.Result down = cli.run(args(prod, "down", "-v", "--rmi", "local"));
        assertEquals(0, down.exit(), down.toString());
        try (Engine engine = RealEngine.connect()) {
            assertTrue(engine.containers(p).isEmpty());
            assertTrue(engine.images(p).isEmpty(), "the sample's built images went with --rmi local");
            assertTrue(engine.imageExists("jcompose/debian:bookworm"), "the base image is not the project's: kept");
        }
    }

    private static String[] args(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }

    /** The samples without their secrets, backups or Maven's by-products other than the jar and classes. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                String rel = from.relativize(f).toString();
                if (rel.startsWith("prod/secrets/") || rel.startsWith("prod/backups/")) continue;
                if (rel.startsWith("app/target/") && !rel.startsWith("app/target/classes") && !rel.equals("app/target/sample-app.jar")) continue;
                Path target = to.resolve(rel);
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.createDirectories(to.resolve("prod/backups"));
    }
}
