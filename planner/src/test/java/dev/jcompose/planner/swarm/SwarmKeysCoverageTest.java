package dev.jcompose.planner.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.spec.testing.SharedConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every service key of the Compose JSON schema (read in place from {@code ../shared/conformance}) is in the swarm
 * converter's registry; each mapped key is used by a converter fixture (whose golden file pins what it becomes) and
 * each warned key by the {@code unsupported} fixture (whose golden file pins the warning): no key is neither mapped
 * nor warned.
 */
class SwarmKeysCoverageTest {
    private static final Path FIXTURES = Path.of("src/test/resources/swarm-convert");

    @Test
    @SuppressWarnings("unchecked")
    void everySchemaServiceKeyIsMappedOrWarned() throws IOException {
        Path schema = SharedConformance.root().resolve("compose-go/compose-spec.schema.json");
        // JSON is YAML: the loader's own parser reads it
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(schema));
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) root.get("$defs"))
                .get("service")).get("properties");
        Set<String> schemaKeys = new TreeSet<>(service.keySet());
        assertTrue(schemaKeys.size() > 80, "the schema's service keys were read: " + schemaKeys);
        Set<String> missing = new TreeSet<>(schemaKeys);
        missing.removeAll(SwarmKeys.KEYS.keySet());
        assertEquals(Set.of(), missing, "schema keys the swarm converter neither maps nor warns about");

        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("compose.yaml")).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        String unsupported = Files.readString(FIXTURES.resolve("unsupported/expected.txt"));
        List<String> untested = new ArrayList<>();
        SwarmKeys.KEYS.forEach((key, handling) -> {
            if (handling == SwarmKeys.Handling.MAPPED && !all.toString().matches("(?s).*\\n\\s+" + key + ":.*")) {
                untested.add(key + " (mapped, in no fixture)");
            }
            if (handling == SwarmKeys.Handling.WARNED && !unsupported.contains("services.legacy." + key + ": ")
                    && !SwarmKeys.WHY.get(key).contains("not implemented by jcompose") && !key.equals("credential_spec")) {
                untested.add(key + " (warned, not in the unsupported fixture's warnings)");
            }
        });
        assertEquals(List.of(), untested, "keys whose handling no golden file shows");
    }
}
