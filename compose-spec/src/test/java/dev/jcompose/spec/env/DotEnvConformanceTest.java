package dev.jcompose.spec.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.spec.testing.SharedConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** compose-go's .env cases (../shared/conformance/compose-go/dotenv/), read in place. */
class DotEnvConformanceTest {
    private static JsonNode cases() throws IOException {
        return new ObjectMapper().readTree(dir().resolve("cases.json").toFile());
    }

    private static Path dir() {
        return SharedConformance.root().resolve("compose-go/dotenv");
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        if (node != null) node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static Stream<Arguments> lineCases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : cases().get("line_cases")) out.add(Arguments.of(Named.of(c.get("input").asText(), c)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineCases")
    void parsesLine(JsonNode c) {
        Map<String, String> parsed = DotEnv.parse("line.env", c.get("input").asText(), Map.of());
        assertEquals(Map.of(c.get("key").asText(), c.get("value").asText()), parsed);
    }

    static Stream<Arguments> expandCases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : cases().get("expand_cases")) out.add(Arguments.of(Named.of(c.get("name").asText(), c)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expandCases")
    void expands(JsonNode c) {
        assertEquals(map(c.get("expected")), DotEnv.parse("expand.env", c.get("input").asText(), Map.of()));
    }

    static Stream<Arguments> fileCases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : cases().get("file_cases")) out.add(Arguments.of(Named.of(c.get("test").asText() + " " + c.get("file").asText(), c)));
        return out.stream();
    }

    /**
     * Each expected key has exactly that value. The reference's Load does not override variables already in the
     * process environment; that rule lives in the loader here (process wins), so it is applied the same way.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fileCases")
    void parsesFile(JsonNode c) throws IOException {
        Map<String, String> preset = map(c.get("preset_env"));
        Map<String, String> parsed = new HashMap<>(DotEnv.parse(c.get("file").asText(),
                Files.readString(dir().resolve(c.get("file").asText())), preset));
        if (c.get("test").asText().startsWith("TestLoad")) parsed.putAll(preset);
        map(c.get("expected")).forEach((k, v) -> assertEquals(v, parsed.get(k), "value of " + k));
    }
}
