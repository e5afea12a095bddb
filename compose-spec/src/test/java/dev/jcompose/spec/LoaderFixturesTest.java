package dev.jcompose.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.spec.output.ProjectTree;
import dev.jcompose.spec.output.YamlWriter;
import dev.jcompose.spec.testing.Golden;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per case under {@code src/test/resources/loader/}: the Compose files, an optional {@code .env}, and
 * {@code case.properties} ({@code files=a,b}, {@code projectName=}, {@code profiles=a,b}, {@code targets=svc},
 * {@code env.NAME=value}). A case that loads is
 * compared to {@code expected.yaml} (what {@code config} prints) and {@code expected-warnings.txt}; one that fails
 * to {@code expected-errors.txt}. The case folder's path is written as {@code <dir>} in golden files.
 */
class LoaderFixturesTest {
    static final Path CASES = Path.of("src/test/resources/loader");

    static Stream<Path> cases() {
        return Golden.cases(CASES);
    }

    static LoadOptions options(Path dir) throws IOException {
        Properties p = new Properties();
        Path props = dir.resolve("case.properties");
        if (Files.exists(props)) try (Reader r = Files.newBufferedReader(props)) {
            p.load(r);
        }
        Map<String, String> env = new TreeMap<>();
        env.put("HOME", "/home/tester");
        p.stringPropertyNames().stream().filter(k -> k.startsWith("env.")).forEach(k -> env.put(k.substring(4), p.getProperty(k)));
        List<String> files = new ArrayList<>(List.of(p.getProperty("files", "compose.yaml").split(",")));
        List<String> profiles = p.getProperty("profiles", "").isEmpty() ? List.of() : List.of(p.getProperty("profiles").split(","));
        List<String> targets = p.getProperty("targets", "").isEmpty() ? List.of() : List.of(p.getProperty("targets").split(","));
        return new LoadOptions(files, dir.toAbsolutePath(), null, p.getProperty("projectName"), List.of(), env, java.util.Set.of(), profiles, targets);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loadsAsExpected(Path dir) throws IOException {
        String abs = dir.toAbsolutePath().normalize().toString();
        boolean expectErrors = dir.getFileName().toString().startsWith("error-");
        try {
            LoadedProject loaded = ComposeLoader.load(options(dir));
            assertFalse(expectErrors, "a case named error-* must fail to load");
            Golden.assertMatches(dir.resolve("expected.yaml"), YamlWriter.write(ProjectTree.of(loaded.project())).replace(abs, "<dir>"));
            String warnings = String.join("\n", loaded.warnings()).replace(abs, "<dir>");
            Golden.assertMatches(dir.resolve("expected-warnings.txt"), warnings.isEmpty() ? "" : warnings + "\n");
        } catch (ComposeException e) {
            assertTrue(expectErrors, () -> "unexpected load failure:\n" + e.getMessage());
            Golden.assertMatches(dir.resolve("expected-errors.txt"), e.getMessage().replace(abs, "<dir>") + "\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void whatConfigPrintsLoadsBackToTheSameProject(Path dir, @org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        if (dir.getFileName().toString().startsWith("error-")) return;
        LoadOptions options = options(dir);
        LoadedProject first = ComposeLoader.load(options);
        String printed = YamlWriter.write(ProjectTree.of(first.project()));
        Path again = dir.toAbsolutePath().resolve(".roundtrip.yaml");
        try {
            Files.writeString(again, printed);
            LoadOptions reload = new LoadOptions(List.of(again.toString()), options.workingDir(), null,
                    first.project().name(), List.of(), options.environment(), java.util.Set.of(), options.profiles(), options.targets());
            String reprinted = YamlWriter.write(ProjectTree.of(ComposeLoader.load(reload).project()));
            org.junit.jupiter.api.Assertions.assertEquals(printed, reprinted);
        } finally {
            Files.deleteIfExists(again);
        }
    }
}
