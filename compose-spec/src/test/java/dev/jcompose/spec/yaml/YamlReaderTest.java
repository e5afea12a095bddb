package dev.jcompose.spec.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Location;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    @Test
    void keepsLineAndColumnOfEveryNode() {
        MapNode root = YamlReader.readDocument("a.yml", "services:\n  web:\n    image: busybox\n");
        MapNode web = (MapNode) ((MapNode) root.get("services")).get("web");
        assertEquals(new Location("a.yml", 3, 12), web.get("image").location());
        assertEquals(new Location("a.yml", 3, 5), web.entryMap().get("image").keyLocation());
    }

    @Test
    void appliesMergeKeysWithExplicitKeysWinning() {
        String text = """
                x-base: &base
                  image: busybox
                  restart: always
                services:
                  web:
                    <<: *base
                    restart: "no"
                """;
        MapNode web = (MapNode) ((MapNode) YamlReader.readDocument("a.yml", text).get("services")).get("web");
        assertEquals(Map.of("image", "busybox", "restart", "no"), web.toPlain());
    }

    @Test
    void typesScalarsByTheCoreSchemaAndKeepsQuotedOnesStrings() {
        MapNode root = YamlReader.readDocument("a.yml", "a: 1\nb: '1'\nc: true\nd: ~\ne: 1.5\n");
        assertEquals(List.of(ScalarNode.Kind.INT, ScalarNode.Kind.STRING, ScalarNode.Kind.BOOL, ScalarNode.Kind.NULL, ScalarNode.Kind.FLOAT),
                List.of("a", "b", "c", "d", "e").stream().map(k -> ((ScalarNode) root.get(k)).kind()).toList());
    }

    @Test
    void reportsDuplicateKeysWithBothLines() {
        ComposeException e = assertThrows(ComposeException.class,
                () -> YamlReader.readDocument("a.yml", "services:\n  web: {}\n  web: {}\n"));
        assertEquals("a.yml:3:3: duplicate key \"web\" (first defined at line 2)", e.getMessage());
    }

    @Test
    void reportsSyntaxErrorsAtTheirLine() {
        ComposeException e = assertThrows(ComposeException.class,
                () -> YamlReader.readDocument("a.yml", "services:\n  web:\n    image: [busybox\n"));
        assertEquals("a.yml", e.diagnostics().get(0).location().file());
        assertEquals(4, e.diagnostics().get(0).location().line());
    }

    @Test
    void rejectsADocumentThatIsNotAMapping() {
        ComposeException e = assertThrows(ComposeException.class, () -> YamlReader.readDocument("a.yml", "- a\n- b\n"));
        assertEquals("a.yml:1:1: top-level object must be a mapping, found a list", e.getMessage());
    }

    @Test
    void keepsCustomTags() {
        MapNode root = YamlReader.readDocument("a.yml", "ports: !reset []\n");
        assertEquals("!reset", root.get("ports").tag());
    }
}
