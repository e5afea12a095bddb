package dev.jcompose.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jcompose.api.ComposeStack;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** An existing {@code @Testcontainers} class holds a jcompose stack in a {@code @Container} field. */
@Tag("engine")
@Testcontainers
class TestcontainersInteropTest {
    @Container
    static final ComposeStackStartable COMPOSE = new ComposeStackStartable(ComposeStack.builder()
            .file(Path.of("src/test/resources/stacks/web.yaml")).uniqueProjectName().randomHostPorts().stopTimeout(Duration.ZERO));

    @Test
    void theStackIsUpBeforeTheTest() {
        ComposeStack stack = COMPOSE.stack();
        assertNotEquals(8080, stack.service("web").port(80));
        assertEquals(0, stack.service("web").exec("wget", "-qO-", "http://127.0.0.1:80/").exitCode());
    }
}
