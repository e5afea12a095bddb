package dev.jcompose.service.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The name deploy gives a built image: its repository (a registry port is no tag) and 12 hex digits of its id. */
class ContentTagTest {
    private static final String ID = "sha256:3f2a9c01b7de44556677889900aabbccddeeff00112233445566778899aabbcc";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            demo-app                            | demo-app:3f2a9c01b7de
            demo-app:latest                     | demo-app:3f2a9c01b7de
            localhost:5000/team/app             | localhost:5000/team/app:3f2a9c01b7de
            localhost:5000/team/app:1.0         | localhost:5000/team/app:3f2a9c01b7de
            registry.example/app@sha256:0123    | registry.example/app:3f2a9c01b7de
            """)
    void theRepositoryKeepsItsRegistryAndLosesItsTag(String image, String reference) {
        assertEquals(reference, ContentTag.of(image, ID).reference());
    }

    @Test
    void anIdWithoutItsAlgorithmIsTakenAsIsAndAnEmptyOneIsRefused() {
        assertEquals("app:3f2a9c01b7de", ContentTag.of("app", ID.substring(7)).reference());
        assertThrows(IllegalArgumentException.class, () -> ContentTag.of("app", "sha256:"));
    }
}
