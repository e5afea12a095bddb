package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.observed.ObservedContainer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end on the real engine: up -d, the published port answers, services reach each
 * other by name, a second up changes nothing, ps, down keeps named volumes, down -v does not; and docker-compose
 * v1 sees and removes what jcompose made.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class EndToEndEngineTest {
    private static final String STACK = """
            services:
              web:
                image: jcompose/busybox:latest
                init: true
                command: ["httpd", "-f", "-p", "80", "-h", "/www"]
                ports: ["127.0.0.1:${WEB_PORT}:80"]
                volumes: ["./www:/www:ro"]
                depends_on: [backend]
              backend:
                image: jcompose/busybox:latest
                init: true
                command: ["sh", "-c", "echo backend up > /data/health && exec httpd -f -p 9000 -h /data"]
                volumes: ["data:/data"]
                environment:
                  GREETING: ${GREETING:-hello}
            volumes:
              data: {}
            """;

    @TempDir
    Path dir;

    private CliRunner cli(int port) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), STACK);
        Files.createDirectories(dir.resolve("www"));
        Files.writeString(dir.resolve("www/index.html"), "hello from jcompose\n");
        return new CliRunner(dir, DockerJavaEngine::connect).env("WEB_PORT", String.valueOf(port));
    }

    @Test
    void upPsDownOnTheRealEngine(EngineProjects projects) throws Exception {
        String p = projects.create("e2e");
        int port = freePort();
        CliRunner cli = cli(port);

        CliRunner.Result up = cli.run("-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        assertEquals("hello from jcompose\n", httpGet(port));
        assertEquals("backend up\n", exec(p + "-web-1", "wget", "-qO-", "http://backend:9000/health"), "services reach each other by name");

        try (Engine engine = RealEngine.connect()) {
            List<ObservedContainer> containers = engine.containers(p);
            assertEquals(List.of(p + "-backend-1", p + "-web-1"), containers.stream().map(ObservedContainer::name).sorted().toList());
            ObservedContainer web = containers.stream().filter(c -> c.service().equals("web")).findFirst().orElseThrow();
            assertEquals("False", web.labels().get(Labels.ONEOFF));
            assertEquals("1", web.labels().get(Labels.CONTAINER_NUMBER));
            assertEquals(dir.toString(), web.labels().get(Labels.WORKING_DIR));
            assertEquals(dir.resolve("compose.yaml").toString(), web.labels().get(Labels.CONFIG_FILES));
            assertEquals("backend:service_started:false", web.labels().get(Labels.DEPENDS_ON));
            // as docker compose v2, which recreates a container whose label is not its image's id
            assertEquals(Docker.run(List.of("docker", "image", "inspect", "-f", "{{.Id}}", web.image())), web.labels().get(Labels.IMAGE));
            assertEquals(64, web.configHash().length());
            assertTrue(engine.networks().stream().anyMatch(n -> n.name().equals(p + "_default") && p.equals(n.project())));

            List<String> ids = containers.stream().map(ObservedContainer::id).sorted().toList();
            CliRunner.Result again = cli.run("-p", p, "up", "-d");
            assertEquals(0, again.exit(), again.toString());
            assertEquals("", again.err(), "a second up with nothing changed does nothing");
            assertEquals(ids, engine.containers(p).stream().map(ObservedContainer::id).sorted().toList());

            CliRunner.Result changed = cli.env("GREETING", "changed").run("-p", p, "up", "-d");
            assertEquals(0, changed.exit(), changed.toString());
            assertTrue(changed.err().contains("Container " + p + "-backend-1  Recreated"), changed.err());
            assertFalse(changed.err().contains(p + "-web-1"), "only the changed service is recreated: " + changed.err());

            CliRunner.Result ps = cli.run("-p", p, "ps");
            assertEquals(0, ps.exit(), ps.toString());
            assertTrue(ps.out().startsWith("NAME "), ps.out());
            assertTrue(ps.out().contains(p + "-web-1") && ps.out().contains("127.0.0.1:" + port + "->80/tcp"), ps.out());

            CliRunner.Result run = cli.input("line one\nline two\n").run("-p", p, "run", "--rm", "backend", "sh", "-c", "wc -l; exit 7");
            assertEquals(7, run.exit(), "run exits with the one-off's code: " + run);
            assertEquals("2", run.out().strip(), "the one-off read this command's input to its end: " + run);
            CliRunner.Result exec = cli.input("").run("-p", p, "exec", "-T", "backend", "sh", "-c", "echo $GREETING; exit 3");
            assertEquals(3, exec.exit(), exec.toString());
            assertEquals("changed\n", exec.out(), "the recreated backend has the changed environment");

            CliRunner.Result down = cli.run("-p", p, "down");
            assertEquals(0, down.exit(), down.toString());
            assertTrue(engine.containers(p).isEmpty());
            assertTrue(engine.networks().stream().noneMatch(n -> p.equals(n.project())));
            assertTrue(engine.volume(p + "_data").isPresent(), "down keeps named volumes");

            assertEquals(0, cli.run("-p", p, "down", "-v").exit());
            assertTrue(engine.volume(p + "_data").isEmpty(), "down -v removes them");
        }
    }

    @Test
    void dockerComposeV1SeesAndRemovesWhatJcomposeMade(EngineProjects projects) throws Exception {
        String p = projects.create("interop");
        int port = freePort();
        CliRunner cli = cli(port);
        assertEquals(0, cli.run("-p", p, "up", "-d").exit());

        String ids = dockerCompose(port, "-p", p, "ps", "-q");
        assertEquals(2, ids.lines().filter(l -> !l.isBlank()).count(), "docker-compose ps lists jcompose's containers: " + ids);
        dockerCompose(port, "-p", p, "down");
        try (Engine engine = RealEngine.connect()) {
            assertTrue(engine.containers(p).isEmpty(), "docker-compose down removed jcompose's containers");
            assertTrue(engine.networks().stream().noneMatch(n -> p.equals(n.project())), "and its network");
        }
        CliRunner.Result ps = cli.run("-p", p, "ps", "-a", "-q");
        assertEquals("", ps.out());
    }

    @Test
    void downLeavesANetworkAnotherContainerStillUsesWithAWarning(EngineProjects projects) throws Exception {
        String p = projects.create("netinuse");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: jcompose/busybox:latest
                    init: true
                    command: ["sleep", "600"]
                """);
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        assertEquals(0, cli.run("-p", p, "up", "-d").exit());
        String visitor = p + "-visitor";
        Docker.run(List.of("docker", "run", "-d", "--init", "--name", visitor, "--network", p + "_default",
                "jcompose/busybox:latest", "sleep", "600"));
        try (Engine engine = RealEngine.connect()) {
            CliRunner.Result down = cli.run("-p", p, "down", "-t", "1");
            assertEquals(0, down.exit(), "a network still in use does not fail down: " + down);
            assertTrue(down.err().contains("network " + p + "_default is still in use by " + visitor), down.err());
            assertTrue(engine.containers(p).isEmpty(), "the project's containers are gone");
            assertTrue(engine.networks().stream().anyMatch(n -> n.name().equals(p + "_default")), "the network stays");
            assertEquals("true", Docker.run(List.of("docker", "inspect", "-f", "{{.State.Running}}", visitor)), "the visitor runs on");
        } finally {
            Docker.run(List.of("docker", "rm", "-f", visitor));
        }
        assertEquals(0, cli.run("-p", p, "down").exit(), "once it has left, down removes the network");
    }

    @Test
    void theReadmeSampleComesUpAndServes(EngineProjects projects) throws Exception {
        String p = projects.create("sample");
        int port = freePort();
        Path repo = Path.of(System.getProperty("jcompose.repo.root", "..")).toAbsolutePath().normalize();
        CliRunner cli = new CliRunner(repo, DockerJavaEngine::connect).env("WEB_PORT", String.valueOf(port));
        CliRunner.Result up = cli.run("-f", "samples/hello/compose.yaml", "-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        assertTrue(httpGet(port).contains("<h1>jcompose dev sample</h1>"));
        CliRunner.Result down = cli.run("-f", "samples/hello/compose.yaml", "-p", p, "down", "-v");
        assertEquals(0, down.exit(), down.toString());
    }

    @Test
    void attachedUpStreamsOutputAndReportsExitCodes(EngineProjects projects) throws Exception {
        String p = projects.create("attached");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  job:
                    image: jcompose/busybox:latest
                    command: ["sh", "-c", "echo working; echo done >&2; exit 3"]
                  helper:
                    image: jcompose/busybox:latest
                    command: ["echo", "helper ran"]
                """);
        CliRunner.Result r = new CliRunner(dir, DockerJavaEngine::connect).run("-p", p, "up");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("Attaching to helper-1, job-1", lines.get(0));
        assertTrue(lines.contains("job-1     | working") && lines.contains("job-1     | done"), r.out());
        assertTrue(lines.contains("helper-1  | helper ran"), r.out());
        assertTrue(lines.contains("job-1 exited with code 3") && lines.contains("helper-1 exited with code 0"), r.out());
    }

    private static int freePort() throws IOException {
        return Http.freePort();
    }

    private static String httpGet(int port) throws Exception {
        return Http.get(port, "/");
    }

    private static String exec(String container, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker", "exec", container));
        argv.addAll(List.of(command));
        return run(argv, Map.of());
    }

    private String dockerCompose(int port, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker-compose", "-f", dir.resolve("compose.yaml").toString()));
        argv.addAll(List.of(args));
        return run(argv, Map.of("WEB_PORT", String.valueOf(port)));
    }

    private static String run(List<String> argv, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(false);
        pb.environment().putAll(env);
        Process proc;
        try {
            proc = pb.start();
        } catch (IOException e) {
            return fail(argv.get(0) + " is needed by this engine test and is not installed: run ./scripts/test.sh, which installs it", e);
        }
        byte[] out = proc.getInputStream().readAllBytes();
        byte[] err = proc.getErrorStream().readAllBytes();
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), String.join(" ", argv) + " did not finish");
        assertEquals(0, proc.exitValue(), String.join(" ", argv) + " failed: " + new String(err, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}
