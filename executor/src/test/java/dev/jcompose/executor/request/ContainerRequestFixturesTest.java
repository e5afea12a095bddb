package dev.jcompose.executor.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.planner.ConfigHasher;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.testing.Golden;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The translation from Compose to the engine's create request, attribute by attribute, without an engine: one folder
 * per case under {@code src/test/resources/requests/} with a {@code compose.yaml} (project {@code demo}), an
 * optional {@code case.properties} ({@code api=1.44}; 1.41 by default, the engine these machines run), and
 * {@code expected.json}: per container of each service, the create request's query, its body (the labels without
 * compose's own, which other tests pin), the endpoints of the networks connected after it, and the warnings. Each expectation was checked against what docker compose
 * v2's {@code create.go} sends for the attribute.
 */
class ContainerRequestFixturesTest {
    private static final Path CASES = Path.of("src/test/resources/requests");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static Stream<Path> cases() {
        return Golden.cases(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translatesAsExpected(Path dir) throws IOException {
        Properties p = new Properties();
        if (Files.exists(dir.resolve("case.properties"))) try (Reader r = Files.newBufferedReader(dir.resolve("case.properties"))) {
            p.load(r);
        }
        Map<String, String> env = new TreeMap<>(Map.of("HOME", "/home/tester", "TOKEN", "s3cr3t-token"));
        Project project = ComposeLoader.load(LoadOptions.of(dir.toAbsolutePath(), env).withProjectName("demo")).project();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Service s : project.services().values()) {
            ContainerSpec spec = ContainerSpecs.of(project, s, 1, ConfigHasher.hash(s), "sha256:image");
            ContainerRequest request;
            try {
                request = ContainerRequest.of(spec, p.getProperty("api", "1.41"));
            } catch (IllegalArgumentException e) {
                out.put(spec.name(), Map.of("error", e.getMessage()));
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>(request.body());
            Map<String, String> labels = new TreeMap<>(spec.labels());
            labels.keySet().removeIf(k -> k.startsWith(Labels.PREFIX));
            body.put("Labels", labels);
            Map<String, Object> entry = new LinkedHashMap<>();
            if (request.platform() != null) entry.put("platform", request.platform());
            entry.put("body", body);
            if (!request.others().isEmpty()) entry.put("connect", request.others());
            if (!request.warnings().isEmpty()) entry.put("warnings", request.warnings());
            if (!spec.files().isEmpty()) entry.put("files", spec.files().stream().map(ContainerSpec.FileCopy::toString).toList());
            out.put(spec.name(), entry);
        }
        String abs = dir.toAbsolutePath().normalize().toString();
        Golden.assertMatches(dir.resolve("expected.json"), JSON.writeValueAsString(out).replace(abs, "<dir>") + "\n");
    }
}
