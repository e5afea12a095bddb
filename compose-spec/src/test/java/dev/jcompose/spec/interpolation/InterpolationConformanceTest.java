package dev.jcompose.spec.interpolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.spec.testing.SharedConformance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** compose-go's own interpolation cases (../shared/conformance/compose-go/interpolation/cases.json), read in place. */
class InterpolationConformanceTest {
    static Stream<Arguments> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedConformance.root().resolve("compose-go/interpolation/cases.json").toFile());
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("cases")) {
            JsonNode envRef = c.get("env");
            JsonNode env = envRef.isTextual() ? root.get("environments").get(envRef.asText()) : envRef;
            Map<String, String> vars = new HashMap<>();
            env.properties().forEach(e -> vars.put(e.getKey(), e.getValue().asText()));
            out.add(Arguments.of(Named.of("#" + (i++) + " " + c.get("template").asText(), c), vars));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheReference(JsonNode c, Map<String, String> env) throws InterpolationException {
        Interpolator interpolator = new Interpolator(env::get, name -> { });
        String template = c.get("template").asText();
        if (c.has("expected")) {
            assertEquals(c.get("expected").asText(), interpolator.interpolate(template));
        } else {
            String wanted = c.has("error_contains") ? c.get("error_contains").asText() : c.get("error_equals").asText();
            // tree cases prefix the path ("error while interpolating a.b: "); the string-level message is what follows it
            String expectedTail = wanted.replaceFirst("^error while interpolating [^:]+: ", "");
            InterpolationException e = assertThrows(InterpolationException.class, () -> interpolator.interpolate(template));
            assertTrue(e.getMessage().contains(expectedTail), () -> "message \"" + e.getMessage() + "\" lacks \"" + expectedTail + "\"");
        }
    }
}
