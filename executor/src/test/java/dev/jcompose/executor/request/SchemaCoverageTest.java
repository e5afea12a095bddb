package dev.jcompose.executor.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.spec.bind.NestedKeys;
import dev.jcompose.spec.bind.ServiceKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every service key of the Compose JSON schema (read in place from {@code ../shared/conformance}) is in jcompose's
 * registry, and each key said to reach the container is used by a translation fixture, whose golden file pins what
 * the engine is sent: no key is neither applied nor warned.
 */
class SchemaCoverageTest {
    private static final Path SCHEMA = Path.of("../../shared/conformance/compose-go/compose-spec.schema.json");
    private static final Path FIXTURES = Path.of("src/test/resources/requests");

    @Test
    void everySchemaKeyIsHandledAndEveryContainerKeyHasAFixture() throws IOException {
        Assumptions.assumeTrue(Files.exists(SCHEMA), "../shared/conformance is absent: the schema coverage is not checked");
        JsonNode service = new ObjectMapper().readTree(SCHEMA.toFile()).path("$defs").path("service").path("properties");
        Set<String> schemaKeys = new TreeSet<>();
        service.fieldNames().forEachRemaining(schemaKeys::add);
        assertTrue(schemaKeys.size() > 80, "the schema's service keys were read: " + schemaKeys);
        Set<String> missing = new TreeSet<>(schemaKeys);
        missing.removeAll(ServiceKeys.KEYS.keySet());
        assertEquals(Set.of(), missing, "schema keys jcompose neither applies nor warns about");

        StringBuilder fixtures = new StringBuilder();
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("compose.yaml")).toList()) {
                fixtures.append(Files.readString(f)).append('\n');
            }
        }
        List<String> untested = new ArrayList<>();
        ServiceKeys.KEYS.forEach((key, handling) -> {
            // attach changes what up shows, not the container
            if (handling == ServiceKeys.Handling.CONTAINER && !key.equals("attach")
                    && !fixtures.toString().matches("(?s).*\\n\\s+" + key + ":.*")) {
                untested.add(key);
            }
        });
        assertEquals(List.of(), untested, "keys said to reach the container with no translation fixture");
    }

    /** The objects inside a service and the project: their keys, as the schema has them, are all in the registry. */
    @Test
    void everyNestedSchemaKeyIsHandled() throws IOException {
        Assumptions.assumeTrue(Files.exists(SCHEMA), "../shared/conformance is absent: the schema coverage is not checked");
        JsonNode defs = new ObjectMapper().readTree(SCHEMA.toFile()).path("$defs");
        JsonNode longVolume = null;
        for (JsonNode alt : defs.path("service").path("properties").path("volumes").path("items").path("oneOf")) {
            if (alt.path("type").asText().equals("object")) longVolume = alt.path("properties");
        }
        JsonNode attachment = null;
        for (JsonNode alt : defs.path("service").path("properties").path("networks").path("oneOf")) {
            for (JsonNode p : alt.path("patternProperties")) {
                for (JsonNode o : p.path("oneOf")) if (o.path("type").asText().equals("object")) attachment = o.path("properties");
            }
        }
        Map<String, JsonNode> objects = new TreeMap<>();
        objects.put("networks.*", defs.path("network").path("properties"));
        objects.put("volumes.*", defs.path("volume").path("properties"));
        objects.put("configs.*", defs.path("config").path("properties"));
        objects.put("secrets.*", defs.path("secret").path("properties"));
        objects.put("services.*.deploy", defs.path("deployment").path("properties"));
        objects.put("services.*.volumes[]", longVolume);
        objects.put("services.*.volumes[].bind", longVolume.path("bind").path("properties"));
        objects.put("services.*.volumes[].volume", longVolume.path("volume").path("properties"));
        objects.put("services.*.volumes[].tmpfs", longVolume.path("tmpfs").path("properties"));
        objects.put("services.*.networks.*", attachment);
        Map<String, Map<String, ServiceKeys.Handling>> registry = Map.of("networks.*", NestedKeys.NETWORK, "volumes.*", NestedKeys.VOLUME,
                "configs.*", NestedKeys.CONFIG, "secrets.*", NestedKeys.SECRET, "services.*.deploy", NestedKeys.DEPLOY,
                "services.*.volumes[]", NestedKeys.SERVICE_VOLUME, "services.*.volumes[].bind", NestedKeys.SERVICE_VOLUME_BIND,
                "services.*.volumes[].volume", NestedKeys.SERVICE_VOLUME_VOLUME, "services.*.volumes[].tmpfs", NestedKeys.SERVICE_VOLUME_TMPFS,
                "services.*.networks.*", NestedKeys.SERVICE_NETWORK);
        List<String> problems = new ArrayList<>();
        objects.forEach((where, properties) -> {
            Set<String> keys = new TreeSet<>();
            properties.fieldNames().forEachRemaining(keys::add);
            if (keys.isEmpty()) problems.add(where + ": no keys read from the schema");
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(registry.get(where).keySet());
            if (!missing.isEmpty()) problems.add(where + ": " + missing);
        });
        assertEquals(List.of(), problems, "schema keys jcompose neither applies nor warns about");
    }
}
