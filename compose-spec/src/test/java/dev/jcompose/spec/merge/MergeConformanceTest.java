package dev.jcompose.spec.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.spec.testing.SharedConformance;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * compose-go's two-file merge cases (../shared/conformance/compose-go/merge/merge-cases.yaml), read in place: the
 * loader's per-file canonicalisation and merge of base and override must give the expected tree. KEY=VAL lists
 * and mappings are equivalent forms, so both sides are compared in the canonical (mapping) form.
 */
class MergeConformanceTest {
    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws IOException {
        String text = Files.readString(SharedConformance.root().resolve("compose-go/merge/merge-cases.yaml"));
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        List<Arguments> out = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) root.get("cases")) {
            out.add(Arguments.of(Named.of((String) c.get("name"), c)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergesAsTheReferenceDoes(Map<String, Object> c) {
        MapNode base = Canonicalizer.apply(YamlReader.readDocument("base.yml", (String) c.get("base")));
        MapNode override = Canonicalizer.apply(YamlReader.readDocument("override.yml", (String) c.get("override")));
        MapNode expected = Canonicalizer.apply(YamlReader.readDocument("expected.yml", (String) c.get("expected")));
        Object actual = TreeMerger.merge(List.of(base, override)).toPlain();
        assertEquals(sorted(expected.toPlain()), sorted(actual));
    }

    /**
     * Mappings sorted by key so that key order, which the reference does not keep either, does not count; the same
     * for {@code extra_hosts}, which some expected trees write as a mapping (whose order Go does not keep).
     */
    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, k.equals("extra_hosts") && v instanceof List<?> l
                    ? l.stream().map(String::valueOf).sorted().toList() : sorted(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(sorted(o));
            return out;
        }
        return value;
    }
}
