package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.testing.CannedEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Removals against the answers an engine gives for a network or a container that is gone, or going, already: a
 * removal means "make it not exist", so each of them is done; any other failure is the failure, with the engine's
 * message.
 */
class RemovalTest {
    @TempDir
    Path dir;
    private CannedEngine engine;
    private DockerJavaEngine docker;

    @BeforeEach
    void start() throws IOException {
        engine = CannedEngine.start(dir.resolve("engine.sock"));
        docker = DockerJavaEngine.connect(Map.of("DOCKER_HOST", "unix://" + engine.socket()));
    }

    @AfterEach
    void stop() throws IOException {
        docker.close();
        engine.close();
    }

    /**
     * 404 is an ordinary engine's "no such network"; the 500 with "network ID not found" is what Engine 20.10 answered
     * in a CI run for a stack's overlay network that the swarm let go between the listing and the removal (the
     * manager answers its own "not found" with 500 too).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "404 | {\"message\":\"network n not found\"}",
            "404 | {\"message\":\"No such network: n\"}",
            "500 | {\"message\":\"network zagxg24c3b60jw1av8y5d4ru0 not found\"}",
            "500 | {\"message\":\"rpc error: code = NotFound desc = network zagxg24c3b60jw1av8y5d4ru0 not found\"}",
    })
    void aNetworkAlreadyGoneIsRemoved(int status, String body) {
        engine.answer("DELETE", "/networks/n", status, body);
        assertDoesNotThrow(() -> docker.removeNetwork("n"));
        assertDoesNotThrow(() -> docker.swarm().removeNetwork("n"));
    }

    @Test
    void anyOtherFailureIsTheFailureWithTheEnginesMessage() {
        engine.answer("DELETE", "/networks/n", 500, "{\"message\":\"error while removing network: the store is not found\"}");
        EngineException e = assertThrows(EngineException.class, () -> docker.removeNetwork("n"));
        assertEquals("remove network n: error while removing network: the store is not found", e.getMessage());
        EngineException s = assertThrows(EngineException.class, () -> docker.swarm().removeNetwork("n"));
        assertEquals("remove network n: error while removing network: the store is not found", s.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "404 | {\"message\":\"No such container: c\"}",
            "409 | {\"message\":\"removal of container c is already in progress\"}",
    })
    void aContainerGoneOrGoingIsRemoved(int status, String body) {
        engine.answer("DELETE", "/containers/c", status, body);
        assertDoesNotThrow(() -> docker.removeContainer("c", true));
    }

    @Test
    void anotherConflictRemovingAContainerIsTheFailure() {
        engine.answer("DELETE", "/containers/c", 409, "{\"message\":\"You cannot remove a paused container c. Unpause and then stop the container before attempting removal or force remove\"}");
        EngineException e = assertThrows(EngineException.class, () -> docker.removeContainer("c", true));
        assertEquals("remove container c: You cannot remove a paused container c. Unpause and then stop the container before"
                + " attempting removal or force remove", e.getMessage());
    }
}
