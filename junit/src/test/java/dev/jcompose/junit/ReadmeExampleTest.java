package dev.jcompose.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the example test as it is in the repository, word for word. */
class ReadmeExampleTest {
    static final Path REPO = Path.of(System.getProperty("jcompose.repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void theReadmesExampleIsTheExampleTest() throws Exception {
        String example = Files.readString(REPO.resolve("junit/src/test/java/dev/jcompose/junit/ExampleTest.java"));
        example = example.substring(example.indexOf("package"));
        String readme = Files.readString(REPO.resolve("README.md"));
        assertTrue(readme.contains("```java\n" + example + "```"), "README.md's example differs from ExampleTest.java");
    }
}
