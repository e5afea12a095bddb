package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logs -f} of a container that writes 200 000 numbered lines while it is followed, on the real engine: every
 * line comes out once, in order. (Its memory on a 1 GB log is measured by bench/memory.sh, not here.)
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class LogsVolumeEngineTest {
    private static final int LINES = 200_000;

    @TempDir
    Path dir;

    @Test
    void everyLineOfALongLogComesOutOnceAndInOrder(EngineProjects projects) throws Exception {
        String p = projects.create("logsvol");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  chatty:
                    image: jcompose/busybox:latest
                    command: ["awk", "BEGIN { for (i = 1; i <= %d; i++) printf \\"%%d line %%d of the log\\\\n\\", i, i }"]
                """.formatted(LINES));
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        assertEquals(0, cli.run("-p", p, "up", "-d").exit());
        CliRunner.Result r = cli.run("-p", p, "logs", "-f", "--no-log-prefix"); // ends once the container has stopped
        assertEquals(0, r.exit(), r.err());
        int expected = 1;
        for (String line : r.out().split("\n", -1)) {
            if (expected > LINES) {
                assertEquals("", line, "nothing after the last line");
                break;
            }
            if (!line.equals(expected + " line " + expected + " of the log")) {
                fail("line " + expected + " lost, repeated or out of order: \"" + line + "\"");
            }
            expected++;
        }
        assertEquals(LINES + 1, expected, "every line came out");
    }
}
