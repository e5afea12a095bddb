package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.Labels;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** run's flags on the real engine, checked as {@code docker inspect} shows the one-off and as it behaves. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class RunFlagsEngineTest {
    @TempDir
    Path dir;

    private static final String COMPOSE = """
            services:
              web:
                image: jcompose/busybox:latest
                command: [sleep, "600"]
                init: true
                ports: ["80"]
                cap_drop: [NET_RAW]
                networks:
                  default: {aliases: [www]}
              tool:
                build:
                  context: .
                  dockerfile_inline: |
                    FROM jcompose/busybox:latest
                    ENTRYPOINT ["echo", "image-entrypoint"]
            """;

    private CliRunner cli() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/hello.txt"), "hello from the host\n");
        return new CliRunner(dir, DockerJavaEngine::connect);
    }

    private static String inspect(String container, String template) throws Exception {
        return Docker.run(List.of("docker", "inspect", "-f", template, container));
    }

    private static String aliases(String container, String network) throws Exception {
        return inspect(container, "{{json (index .NetworkSettings.Networks \"" + network + "\").Aliases}}");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aDetachedOneOffIsMadeAsTheFlagsSay(EngineProjects projects) throws Exception {
        String p = projects.create("runflags");
        CliRunner cli = cli();
        int port = freePort();
        String name = p + "-named";
        CliRunner.Result run = cli.run("-p", p, "run", "-d", "-p", "127.0.0.1:" + port + ":8000", "-v", "./data:/data:ro",
                "-u", "1234:5678", "-w", "/tmp", "--entrypoint", "sh -c", "--name", name, "-l", "purpose=run-test",
                "--cap-add", "SYS_TIME", "--cap-drop", "CHOWN", "web", "sleep 600");
        assertEquals(0, run.exit(), run.toString());
        assertEquals(name + "\n", run.out());

        assertEquals("/" + name, inspect(name, "{{.Name}}"));
        assertEquals("[\"sh\",\"-c\"] [\"sleep 600\"]", inspect(name, "{{json .Config.Entrypoint}} {{json .Config.Cmd}}"));
        assertEquals("1234:5678 /tmp", inspect(name, "{{.Config.User}} {{.Config.WorkingDir}}"));
        assertEquals("run-test True", inspect(name, "{{index .Config.Labels \"purpose\"}} {{index .Config.Labels \"" + Labels.ONEOFF + "\"}}"));
        assertEquals("[\"SYS_TIME\"] [\"NET_RAW\",\"CHOWN\"]", inspect(name, "{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}}"));
        assertEquals("{\"8000/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"" + port + "\"}]}",
                inspect(name, "{{json .HostConfig.PortBindings}}"), "-p alone: the service's port 80 is not published");
        assertEquals("bind " + dir.resolve("data").toRealPath() + " /data false",
                inspect(name, "{{range .Mounts}}{{.Type}} {{.Source}} {{.Destination}} {{.RW}}{{end}}"));
        assertEquals("1234\nhello from the host", Docker.exec(name, "sh", "-c", "id -u; cat /data/hello.txt"));

        String plain = aliases(name, p + "_default");
        assertTrue(plain.contains("\"" + name + "\""), plain);
        assertFalse(plain.contains("\"web\"") || plain.contains("\"www\""), "no service alias without --use-aliases: " + plain);

        CliRunner.Result aliased = cli.run("-p", p, "run", "-d", "--use-aliases", "web");
        assertEquals(0, aliased.exit(), aliased.toString());
        String withAliases = aliases(aliased.out().strip(), p + "_default");
        assertTrue(withAliases.contains("\"web\"") && withAliases.contains("\"www\""), withAliases);
        assertEquals("", inspect(aliased.out().strip(), "{{range $k, $v := .HostConfig.PortBindings}}{{$k}}{{end}}"),
                "no -p, no --service-ports: nothing published");
    }

    @Test
    void anAttachedOneOffRunsWithItsEntrypointReplacedOrClearedAndIsRemoved(EngineProjects projects) throws Exception {
        String p = projects.create("runentry");
        CliRunner cli = cli().input("");

        CliRunner.Result image = cli.run("-p", p, "run", "--rm", "--build", "tool", "plain");
        assertEquals(0, image.exit(), image.toString());
        assertEquals("image-entrypoint plain\n", image.out(), "built, then run with the image's entrypoint");

        CliRunner.Result cleared = cli.run("-p", p, "run", "--rm", "--entrypoint", "", "tool", "echo", "plain");
        assertEquals(0, cleared.exit(), cleared.toString());
        assertEquals("plain\n", cleared.out(), "--entrypoint '' clears the image's");

        CliRunner.Result split = cli.run("-p", p, "run", "--rm", "--entrypoint", "echo 'a  b' c", "tool");
        assertEquals(0, split.exit(), split.toString());
        assertEquals("a  b c\n", split.out(), "split as a shell would; the image's CMD not appended");

        try (Engine engine = RealEngine.connect()) {
            assertEquals(List.of(), engine.containers(p).stream().map(c -> c.name()).toList(), "--rm removed each one-off");
        }
    }
}
