package dev.jcompose.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectNameTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            My App         | myapp
            _under-score_  | under-score_
            --Dev.Env--    | devenv--
            app_1          | app_1
            """)
    void normalizesDirectoryNamesAsComposeDoes(String raw, String expected) {
        assertEquals(expected, ProjectName.normalize(raw));
    }

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource(delimiter = '|', textBlock = """
            demo      | true
            demo-1_a  | true
            Demo      | false
            -demo     | false
            de.mo     | false
            """)
    void validatesExplicitNames(String name, boolean valid) {
        assertEquals(valid, ProjectName.isValid(name));
    }
}
