package dev.jcompose.spec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

class YamlWriterTest {
    private static Object readBack(String yaml) {
        return new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
    }

    private static void assertRoundTrip(Map<String, Object> tree) {
        String yaml = YamlWriter.write(tree);
        Object back;
        try {
            back = readBack(yaml);
        } catch (RuntimeException e) {
            throw new AssertionError("not readable:\n" + yaml, e);
        }
        assertEquals(tree, back, yaml);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "80", "0x1F", "1e3", "-1", ".5", "true", "no", "Off", "y", "~", "null", "12:30", "2024-01-01",
            "-", "- x", "---", "-c", "--verbose", "a: b", "a #b", "key:", ":x", "#x", "*x", "&x", "!x", "|x", ">x", "'x'", "\"x\"",
            "%x", "@x", "`x`", "[x]", "{x}", "x,y", " lead", "trail ", "tab\there", "line1\nline2", "ends\n", "two\n\n", "\nfirst",
            "back\\slash", "bell\u0007", "é ü 漢", "=", "<<", "a=b", "http://x:80/path?q=1#frag", "${VAR:-default}", "$$"})
    void everyStringReadsBackAsThatString(String s) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("value", s);
        tree.put("list", List.of(s, Map.of("k", s)));
        tree.put(s.isEmpty() ? "empty" : s.replace("\n", " "), "as key");
        assertRoundTrip(tree);
    }

    @Test
    void writesComposeShapedTrees() {
        Map<String, Object> svc = new LinkedHashMap<>();
        svc.put("command", List.of("sh", "-c", "echo hi"));
        svc.put("ports", List.of(Map.of("target", 80), new LinkedHashMap<>(Map.of("published", "8080"))));
        svc.put("networks", new LinkedHashMap<>(Map.of("default", new LinkedHashMap<>())));
        Map<String, Object> noValue = new LinkedHashMap<>();
        noValue.put("x", null);
        svc.put("labels", noValue);
        svc.put("nested", List.of(List.of("a", "b"), List.of()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "demo");
        root.put("services", Map.of("web", svc));
        root.put("flags", List.of(true, 1.5, 3));
        assertRoundTrip(root);
        assertEquals("""
                name: demo
                services:
                  web:
                    command:
                      - sh
                      - -c
                      - echo hi
                    ports:
                      - target: 80
                      - published: "8080"
                    networks:
                      default: {}
                    labels:
                      x: null
                    nested:
                      -
                        - a
                        - b
                      - []
                flags:
                  - true
                  - 1.5
                  - 3
                """, YamlWriter.write(root));
    }

    @Test
    void randomTreesReadBackUnchanged() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            Map<String, Object> tree = new LinkedHashMap<>();
            for (int k = 0; k < 4; k++) tree.put(randomString(random), randomValue(random, 3));
            assertRoundTrip(tree);
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth <= 0 ? 3 : 5);
        switch (kind) {
            case 0: return randomString(random);
            case 1: return random.nextBoolean() ? (Object) random.nextInt(100000) : null;
            case 2: return random.nextBoolean();
            case 3: {
                List<Object> l = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) l.add(randomValue(random, depth - 1));
                return l;
            }
            default: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) m.put(randomString(random), randomValue(random, depth - 1));
                return m;
            }
        }
    }

    private static String randomString(Random random) {
        String alphabet = "ab09 :#-?'\"\\\n\t{}[],&*!|>%@`=~.+_$é";
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }
}
