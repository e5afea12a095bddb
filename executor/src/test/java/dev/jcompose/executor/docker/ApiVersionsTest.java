package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.executor.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionsTest {
    @ParameterizedTest(name = "engine {0}..{1}, ours {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1.41 | 1.12 | 1.47 | 1.41
            1.51 | 1.44 | 1.47 | 1.47
            1.47 | 1.24 | 1.47 | 1.47
            1.9  | 1.2  | 1.10 | 1.9
            """)
    void choosesTheLowerOfTheNewestVersions(String engineNewest, String engineOldest, String ours, String expected) {
        assertEquals(expected, ApiVersions.negotiate(engineNewest, engineOldest, ours));
    }

    @Test
    void refusesAnEngineThatNoLongerSpeaksOurVersion() {
        EngineException e = assertThrows(EngineException.class, () -> ApiVersions.negotiate("1.55", "1.50", "1.47"));
        assertEquals("the engine accepts API versions 1.50 to 1.55, and jcompose speaks up to 1.47: use an engine that accepts 1.47", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            busybox                         | busybox                   | latest
            busybox:1.36                    | busybox                   | 1.36
            localhost:5000/team/app:v2      | localhost:5000/team/app   | v2
            localhost:5000/app              | localhost:5000/app        | latest
            app@sha256:abc                  | app                       | sha256:abc
            """)
    void splitsImageReferences(String ref, String repository, String tag) {
        assertEquals(new ImageReference(repository, tag), ImageReference.parse(ref));
    }
}
