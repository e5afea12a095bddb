package dev.jcompose.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.spec.output.ProjectTree;
import dev.jcompose.spec.output.YamlWriter;
import dev.jcompose.spec.testing.SharedConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * compose-go's whole-spec example (../shared/conformance/compose-go/full-example/), run as its README says: copied to
 * a folder, loaded without normalisation or consistency checks, with HOME, BAR and QUX set, and compared with
 * expected.yaml. Empty mappings are left out of both sides: the reference prints Go's empty structs
 * ({@code ipam: {}}, {@code bind: {}}), which say nothing.
 */
class FullExampleConformanceTest {
    @TempDir
    Path dir;

    @Test
    void matchesTheReferenceExample() throws IOException {
        Path source = SharedConformance.root().resolve("compose-go/full-example");
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path home = dir.resolve("home");
        Map<String, String> env = Map.of("HOME", home.toString(), "BAR", "this is a secret", "QUX", "qux_from_environment");
        LoadOptions options = new LoadOptions(List.of("full-example.yml"), dir, null, null, List.of(), env,
                EnumSet.of(LoadOptions.Skip.NORMALIZATION, LoadOptions.Skip.CONSISTENCY), List.of(), List.of());
        String actual = YamlWriter.write(ProjectTree.of(ComposeLoader.load(options).project()));
        String expected = Files.readString(dir.resolve("expected.yaml"))
                .replace("${WORKDIR}", dir.toString()).replace("${HOME}", home.toString());
        Load yaml = new Load(LoadSettings.builder().build());
        assertEquals(withoutEmptyMappings(yaml.loadFromString(expected)), withoutEmptyMappings(yaml.loadFromString(actual)));
    }

    @SuppressWarnings("unchecked")
    private static Object withoutEmptyMappings(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> {
                if (!(v instanceof Map<?, ?> inner && inner.isEmpty())) out.put(k, withoutEmptyMappings(v));
            });
            return new java.util.TreeMap<>(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(withoutEmptyMappings(o));
            return out;
        }
        return value;
    }
}
