package dev.jcompose.planner.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.planner.swarm.spec.Stack;
import dev.jcompose.planner.swarm.spec.StackService;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.testing.Golden;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per case under {@code src/test/resources/swarm-convert/}: {@code compose.yaml} (project {@code demo}),
 * optional {@code images.properties} (the images the service layer built, by service), and the expected stack in
 * {@code expected.txt} (networks, configs, secrets, each service's spec, the warnings) or the conversion's errors in
 * {@code expected-error.txt}. Config files are read from the case folder through a reader that only knows it. Each
 * expectation was checked against docker cli's {@code cli/compose/convert} ({@code Service}, {@code Networks},
 * {@code Configs}/{@code Secrets}, {@code Volumes}) and its {@code service_test.go}; where jcompose maps more or
 * warns, the case says so in a comment of its compose.yaml.
 */
class StackConverterFixturesTest {
    static Stream<Path> cases() {
        return Golden.cases(Path.of("src/test/resources/swarm-convert"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsAsExpected(Path dir) throws IOException {
        Path here = dir.toAbsolutePath().normalize();
        Project project = ComposeLoader.load(LoadOptions.of(dir, Map.of("SECRET_TOKEN", "s3cr3t")).withProjectName("demo")).project();
        SortedMap<String, String> images = new TreeMap<>();
        Path props = dir.resolve("images.properties");
        if (Files.exists(props)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(props)) {
                p.load(r);
            }
            p.forEach((k, v) -> images.put(String.valueOf(k), String.valueOf(v)));
        }
        ContentReader reader = file -> {
            if (!file.startsWith(here)) throw new IllegalStateException("the converter read outside its case: " + file);
            if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
            return Files.readAllBytes(file);
        };
        try {
            Stack stack = StackConverter.convert(project, images, reader);
            String text = render(stack).replace(here.toString(), "<case>");
            Golden.assertMatches(dir.resolve("expected.txt"), text);
            assertEquals(text, render(StackConverter.convert(project, images, reader)).replace(here.toString(), "<case>"),
                    "the same project must give the same stack");
        } catch (ComposeException e) {
            if (!Files.exists(dir.resolve("expected-error.txt")) && !Boolean.getBoolean("jcompose.golden.update")) {
                fail("unexpected conversion error: " + e.getMessage());
            }
            Golden.assertMatches(dir.resolve("expected-error.txt"), e.getMessage().replace(here.toString(), "<case>") + "\n");
        }
    }

    static String render(Stack stack) {
        StringBuilder sb = new StringBuilder();
        sb.append("namespace: ").append(stack.namespace()).append('\n');
        stack.networks().forEach((name, n) -> sb.append("network ").append(name).append('\n').append(indent(SpecText.of(n))));
        stack.externalNetworks().forEach(n -> sb.append("external network ").append(n).append('\n'));
        stack.configs().values().forEach(o -> sb.append("config\n").append(indent(SpecText.of(o))));
        stack.externalConfigs().forEach(n -> sb.append("external config ").append(n).append('\n'));
        stack.secrets().values().forEach(o -> sb.append("secret\n").append(indent(SpecText.of(o))));
        stack.externalSecrets().forEach(n -> sb.append("external secret ").append(n).append('\n'));
        for (StackService s : stack.services().values()) {
            sb.append("service ").append(s.composeName()).append(" (healthcheck: ").append(s.healthcheck()).append(", depends on: ")
                    .append(s.dependsOn()).append(")\n").append(indent(SpecText.of(s.spec())));
        }
        for (Diagnostic d : stack.diagnostics()) sb.append("WARN ").append(d.format()).append('\n');
        return sb.toString();
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }
}
