package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.service.ComposeService;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SwarmStack} on the in-memory engine's swarm: what a failed deploy removes, which depends on whether it made the
 * stack, and the slot order of {@code tasks}.
 */
class SwarmStackTest {
    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine().withImages("busybox");

    private SwarmStack stack(String image, int replicas) throws IOException {
        Path d = Files.createDirectories(dir.resolve(image.replaceAll("\\W", "_") + replicas));
        Files.writeString(d.resolve("compose.yaml"), "services:\n  web:\n    image: " + image + "\n    deploy: {replicas: " + replicas + "}\n");
        Project project = ComposeLoader.load(LoadOptions.of(d, Map.of()).withProjectName("demo")).project();
        return new SwarmStack(project, new ComposeService(engine, new ComposeService.Settings(2, dir.resolve("locks"))),
                host -> { throw new IllegalStateException("no node engines here"); }, Duration.ofSeconds(30), new LibraryEvents("demo"));
    }

    @Test
    void aFailedDeployThatMadeTheStackRemovesIt() throws IOException {
        SwarmStack stack = stack("127.0.0.1:1/nope:latest", 1);
        ComposeStackException e = assertThrows(ComposeStackException.class, stack::deploy);
        assertTrue(e.getMessage().startsWith("stack demo was not deployed: demo_web: tasks keep failing"), e.getMessage());
        assertEquals(List.of(), engine.swarm().services("demo"), "removed again");
        assertThrows(IllegalStateException.class, () -> stack.tasks("web"), "closed: no more calls");
    }

    @Test
    void aFailedDeployOnAStackAlreadyThereLeavesIt() throws IOException {
        stack("busybox", 1).deploy();
        SwarmStack other = stack("127.0.0.1:1/nope:latest", 1);
        ComposeStackException e = assertThrows(ComposeStackException.class, other::deploy);
        assertTrue(e.getMessage().contains("No such image: 127.0.0.1:1/nope:latest"), e.getMessage());
        assertEquals(1, engine.swarm().services("demo").size(), "the stack that was there is still there");
        assertTrue(engine.swarm().calls().stream().noneMatch(c -> c.startsWith("remove")), engine.swarm().calls().toString());
    }

    @Test
    void tasksAreInSlotOrderAsNumbers() throws IOException {
        SwarmStack stack = stack("busybox", 12).deploy();
        List<String> names = stack.tasks("web").stream().map(SwarmStack.Task::name).toList();
        assertEquals("demo_web.1", names.get(0));
        assertEquals("demo_web.2", names.get(1), "2 before 10: " + names);
        assertEquals("demo_web.12", names.get(11));
    }
}
