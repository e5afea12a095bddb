package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The architecture's dependency rule, checked on the sources: only the executor's docker package imports
 * docker-java, only the cli imports picocli, and no module imports a later one.
 */
class DependencyRuleTest {
    static final Path REPO = Path.of(System.getProperty("jcompose.repo.root", "..")).toAbsolutePath().normalize();

    // bench/floor/ measures docker-java's transport itself against the JDK's socket: a yardstick, not a door to the engine
    @ParameterizedTest(name = "{0} only in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            import com.github.dockerjava | executor/src/main/java/dev/jcompose/executor/docker/,bench/floor/
            import picocli               | cli/src/main/java/
            import dev.jcompose.cli      | cli/src/
            import dev.jcompose.executor | executor/src/,service/src/,cli/src/,api/src/,junit/src/
            import dev.jcompose.planner  | planner/src/,executor/src/,service/src/,cli/src/,api/src/,junit/src/
            import dev.jcompose.service  | service/src/,cli/src/,api/src/,junit/src/
            import dev.jcompose.api      | api/src/,junit/src/
            import dev.jcompose.junit    | junit/src/
            """)
    void importsStayWhereTheyBelong(String importPrefix, String allowedUnder) throws IOException {
        List<String> offenders = new ArrayList<>();
        List<String> allowed = List.of(allowedUnder.split(","));
        try (Stream<Path> files = Files.walk(REPO)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).toList()) {
                String rel = REPO.relativize(f).toString();
                if (allowed.stream().anyMatch(rel::startsWith)) continue;
                if (Files.readAllLines(f).stream().anyMatch(l -> l.startsWith(importPrefix))) offenders.add(rel);
            }
        }
        assertEquals(List.of(), offenders, importPrefix + " outside " + allowedUnder);
    }
}
