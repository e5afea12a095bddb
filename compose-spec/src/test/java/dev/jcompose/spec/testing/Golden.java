package dev.jcompose.spec.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: the expected text lives beside the fixture. Run with {@code -Djcompose.golden.update=true} to
 * write the actual text instead (then read the diff before committing it).
 */
public final class Golden {
    private Golden() {}

    public static void assertMatches(Path golden, String actual) {
        try {
            if (Boolean.getBoolean("jcompose.golden.update")) {
                Files.writeString(golden, actual);
                return;
            }
            if (!Files.exists(golden)) {
                fail("missing golden file " + golden + "; actual was:\n" + actual
                        + "\n(run with -Djcompose.golden.update=true to write it)");
            }
            assertEquals(Files.readString(golden), actual, "differs from " + golden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folders directly inside {@code dir}, sorted, as parameterized-test arguments. */
    public static java.util.stream.Stream<Path> cases(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
