package dev.jcompose.spec.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared/conformance/} (the reference's own cases, read in place, never copied here). CI always has
 * it beside the clone; only where it is absent are those suites skipped, and they say so.
 */
public final class SharedConformance {
    private SharedConformance() {}

    public static Path root() {
        String repo = System.getProperty("jcompose.repo.root", "..");
        Path dir = Path.of(repo).toAbsolutePath().normalize().resolveSibling("shared").resolve("conformance");
        Assumptions.assumeTrue(Files.isDirectory(dir),
                "SKIPPED: conformance data not found at " + dir + " (../shared beside the clone); the reference's cases were not run");
        return dir;
    }
}
