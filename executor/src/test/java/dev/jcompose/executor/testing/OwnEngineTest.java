package dev.jcompose.executor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.executor.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test's own engine: it starts beside the main one, runs a container, survives SIGKILL with its data root
 * (a volume's file, the container's record), and close() leaves nothing behind; the main engine is untouched.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class OwnEngineTest {
    @Test
    void runsKillsRestartsAndLeavesNothing() throws IOException {
        String mainBefore = mainEngineId();
        boolean docker0 = Files.exists(Path.of("/sys/class/net/docker0"));
        assertTrue(docker0, "the main engine has its docker0 to begin with (restart it if not: scripts/engine.sh)");
        Path root;
        Path namespace;
        try (OwnEngine own = OwnEngine.launch(OwnEngine.Options.named("owntest"))) {
            root = own.root();
            namespace = own.namespace();
            assertTrue(namespace.getFileName().toString().startsWith("jcoe-") && Files.exists(namespace), "a network namespace of its own: " + namespace);
            EngineApi api = own.api();
            assertNotEquals(Path.of("/var/run/docker.sock"), own.socket());
            assertEquals(Map.of("DOCKER_HOST", "unix://" + root.resolve("docker.sock")), own.env());

            List<String> loaded = own.loadImage(RealEngine.BASE_IMAGE);
            assertEquals(List.of(RealEngine.BASE_IMAGE), loaded);
            try (Engine engine = own.connect()) {
                assertTrue(engine.imageExists(RealEngine.BASE_IMAGE), "the port sees the loaded image on the own engine");
            }

            api.expect("POST", "/volumes/create", Map.of("Name", "kept"));
            String writer = run(api, "writer", "echo survived > /data/f && sleep 600", false);
            assertEquals("running", api.expect("GET", "/containers/" + writer + "/json", null).at("/State/Status").asText());

            long before = own.pid();
            own.kill();
            assertFalse(own.running());
            assertFalse(api.ping(), "a killed engine does not answer");
            own.start();
            assertNotEquals(before, own.pid());

            JsonNode state = api.expect("GET", "/containers/" + writer + "/json", null).at("/State");
            assertEquals("exited", state.get("Status").asText(), "the container is known after the restart, and ended: " + state);
            String reader = run(api, "reader", "cat /data/f", true);
            api.expect("POST", "/containers/" + reader + "/wait", null);
            assertEquals("survived", api.get("/containers/" + reader + "/logs?stdout=1").body().strip());

            own.stop();
            assertFalse(own.running());
            own.restart();
            assertTrue(api.ping());
        }
        assertFalse(Files.exists(root), "close() removes the engine's folder");
        assertEquals(List.of(), HostState.processesInside(root), "no process of the engine is left");
        assertEquals(List.of(), HostState.mountsInside(root), "no mount of the engine is left");
        assertEquals(mainBefore, mainEngineId(), "the main engine answered throughout, the same daemon");
        assertFalse(Files.exists(namespace), "its network namespace is removed");
        assertEquals(docker0, Files.exists(Path.of("/sys/class/net/docker0")), "the main engine's docker0 is left as it was");
    }

    /** Creates and starts a container with volume {@code kept} at /data; tty so that its log is plain text. */
    private static String run(EngineApi api, String name, String script, boolean tty) {
        String id = api.expect("POST", "/containers/create?name=" + name, Map.of(
                "Image", RealEngine.BASE_IMAGE,
                "Cmd", List.of("sh", "-c", script),
                "Tty", tty,
                "StopTimeout", 1, // the restart after SIGKILL stops it: a shell ignores SIGTERM, this keeps that at 1 s
                "HostConfig", Map.of("Binds", List.of("kept:/data")))).get("Id").asText(); // on its default bridge
        api.expect("POST", "/containers/" + id + "/start", null);
        return id;
    }

    /** The main engine's daemon: its pid file's pid, once it has answered a ping. */
    private static String mainEngineId() throws IOException {
        assertTrue(new EngineApi(Path.of("/var/run/docker.sock")).ping(), "the main engine answers");
        return Files.readString(Path.of("/var/run/docker.pid")).strip();
    }
}
