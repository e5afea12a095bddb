package dev.jcompose.spec.hostile;

import static dev.jcompose.spec.hostile.HostileFiles.nested;
import static dev.jcompose.spec.hostile.HostileFiles.repeat;
import static dev.jcompose.spec.hostile.HostileFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.LoadedProject;
import dev.jcompose.spec.output.ProjectTree;
import dev.jcompose.spec.output.YamlWriter;
import dev.jcompose.spec.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other side of each limit: what a real, if large, Compose project does still loads, and the printer and every
 * pass survive a tree as deep as the reader lets through. Without these, a limit set too tight would pass unseen.
 */
class WithinLimitsTest {
    static final Duration BOUND = HostileInputTest.BOUND;

    static LoadedProject load(Path dir) {
        return assertTimeoutPreemptively(BOUND, () -> ComposeLoader.load(LoadOptions.of(dir, Map.of(), "compose.yaml")));
    }

    @Test
    void nestingAtTheLimitLoadsAndPrints(@TempDir Path dir) throws IOException {
        // the root mapping is one level, so MAX_DEPTH - 1 sequences reach the limit exactly
        write(dir.resolve("compose.yaml"), nested("[", "]", YamlReader.MAX_DEPTH - 1));
        LoadedProject loaded = load(dir);
        assertTrue(YamlWriter.write(ProjectTree.of(loaded.project())).contains("x-deep:"));
        write(dir.resolve("compose.yaml"), nested("[", "]", YamlReader.MAX_DEPTH));
        assertThrows(ComposeException.class, () -> load(dir));
    }

    @Test
    void twoHundredServicesMergingSharedDefaultsLoad(@TempDir Path dir) throws IOException {
        StringBuilder yaml = new StringBuilder("x-defaults: &defaults\n  image: busybox\n  environment:\n");
        for (int i = 0; i < 40; i++) yaml.append("    V").append(i).append(": v\n");
        yaml.append("services:\n");
        for (int i = 0; i < 200; i++) yaml.append("  s").append(i).append(":\n    <<: *defaults\n");
        write(dir.resolve("compose.yaml"), yaml.toString());
        LoadedProject loaded = load(dir);
        assertEquals(200, loaded.project().services().size());
        assertEquals(40, loaded.project().services().get("s199").environment().size());
    }

    @Test
    void aTenMegabyteScalarLoads(@TempDir Path dir) throws IOException {
        repeat(dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\nx-big: ", 'a', 10L * 1000 * 1000, "\n");
        LoadedProject loaded = load(dir);
        assertEquals(10_000_000, ((String) loaded.project().extensions().get("x-big")).length());
    }

    @Test
    void aThreeMegabyteEnvFileLoads(@TempDir Path dir) throws IOException {
        write(dir.resolve("compose.yaml"), HostileInputTest.SERVICE + "    env_file: big.env\n");
        repeat(dir.resolve("big.env"), "A=", 'x', 3L * 1000 * 1000, "\nB=2\n");
        LoadedProject loaded = load(dir);
        assertEquals("2", loaded.project().services().get("web").environment().get("B"));
    }

    /**
     * chmod 000 stops every user but root, and the tests may run as either: the test finds out which by trying to
     * read, and checks what that user sees, so neither case passes unchecked.
     */
    @Test
    void anUnreadableFileIsNamedOrReadByRoot(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("compose.yaml");
        write(file, HostileInputTest.SERVICE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        boolean readable;
        try (InputStream in = Files.newInputStream(file)) {
            readable = true;
        } catch (AccessDeniedException e) {
            readable = false;
        }
        if (readable) {
            assertEquals("root", System.getProperty("user.name"), "only root reads a file with mode 000");
            assertTrue(load(dir).project().services().containsKey("web"));
        } else {
            ComposeException e = assertThrows(ComposeException.class, () -> load(dir));
            assertEquals(file + ": cannot be read: permission denied", e.getMessage());
        }
    }
}
