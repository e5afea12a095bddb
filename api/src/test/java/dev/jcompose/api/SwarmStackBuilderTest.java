package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.testing.CannedEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's options that belong to containers on one engine are refused for a swarm stack, before anything is loaded. */
class SwarmStackBuilderTest {
    private static final Path FILE = Path.of("src/test/resources/swarm-stacks/demo/compose.yaml");

    @Test
    void containerOnlyOptionsAreRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ComposeStack.builder().file(FILE).randomHostPorts()
                .waitFor("web", WaitStrategy.log("up")).stopTimeout(Duration.ZERO).buildSwarmStack());
        assertEquals("randomHostPorts(), waitFor(..), stopTimeout(..) cannot apply to a stack on a swarm: build() a ComposeStack"
                + " for those", e.getMessage());
    }

    @Test
    void anInvalidFileIsTheLoadersErrorBeforeAnyEngine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n    restart: sometimes\n");
        ComposeStackException e = assertThrows(ComposeStackException.class,
                () -> ComposeStack.builder().file(dir.resolve("compose.yaml")).env("DOCKER_HOST", "unix:///nonexistent.sock").buildSwarmStack());
        assertTrue(e.getMessage().startsWith(dir.resolve("compose.yaml") + ":4:14: services.web.restart"), e.getMessage());
    }

    /** An engine in no swarm (a stand-in answering {@code GET /info} as a 20.10 engine does then): said, nothing made. */
    @Test
    void anEngineThatIsNoManagerIsSaid(@TempDir Path dir) throws IOException {
        try (CannedEngine engine = CannedEngine.start(dir.resolve("engine.sock"))) {
            engine.answer("GET", "/info", 200, "{\"Swarm\":{\"NodeID\":\"\",\"LocalNodeState\":\"inactive\",\"ControlAvailable\":false}}");
            SwarmStack stack = ComposeStack.builder().file(FILE).projectName("lib").env("DOCKER_HOST", "unix://" + engine.socket())
                    .buildSwarmStack();
            ComposeStackException e = assertThrows(ComposeStackException.class, stack::deploy);
            assertEquals("stack lib was not deployed: this engine is not a swarm manager: docker swarm init, or point DOCKER_HOST"
                    + " at a manager (unix://" + engine.socket() + ": swarm state inactive)", e.getMessage());
            stack.close(); // closed already: nothing more, and no removal tried
        }
    }
}
