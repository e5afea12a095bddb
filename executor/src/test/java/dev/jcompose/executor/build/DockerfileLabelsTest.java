package dev.jcompose.executor.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One LABEL instruction, in the stage that is built: Dockerfiles with {@code |} for line breaks. */
class DockerfileLabelsTest {
    private static final Map<String, String> LABELS = new TreeMap<>(Map.of("a", "1", "b", "x y"));

    @ParameterizedTest(name = "{0} (target {1})")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
            FROM base|RUN make                       ; null   ; FROM base|RUN make|LABEL "a"="1" "b"="x y"|
            FROM base|RUN make|                      ; null   ; FROM base|RUN make|LABEL "a"="1" "b"="x y"|
            FROM base AS build|RUN make|FROM base AS run|CMD x ; build ; FROM base AS build|RUN make|LABEL "a"="1" "b"="x y"|FROM base AS run|CMD x
            FROM base AS build|RUN make|FROM base AS run|CMD x ; RUN   ; FROM base AS build|RUN make|FROM base AS run|CMD x|LABEL "a"="1" "b"="x y"|
            FROM base AS build|RUN make \\|  FROM x|FROM y AS run ; build ; FROM base AS build|RUN make \\|  FROM x|LABEL "a"="1" "b"="x y"|FROM y AS run
            # escape=`|FROM base AS b|RUN a `|FROM c|FROM d  ; b      ; # escape=`|FROM base AS b|RUN a `|FROM c|LABEL "a"="1" "b"="x y"|FROM d
            FROM base|RUN make \\                    ; null   ; FROM base|RUN make |LABEL "a"="1" "b"="x y"|
            FROM base AS one|RUN x                   ; two    ; <none>
            """)
    void addsOneLabelInstruction(String dockerfile, String target, String expected) {
        Optional<String> got = DockerfileLabels.add(dockerfile.replace('|', '\n'), target, LABELS);
        assertEquals(expected.equals("<none>") ? Optional.empty() : Optional.of(expected.replace('|', '\n')), got);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            plain          ; "plain"
            a "quoted" one ; "a \\"quoted\\" one"
            $HOME          ; "\\$HOME"
            back\\slash    ; "back\\\\slash"
            """)
    void quotesSoThatNothingIsExpanded(String value, String quoted) {
        assertEquals(quoted, DockerfileLabels.quote(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            line one\\nline two
            """)
    void aValueWithALineBreakIsLeftToTheBuilder(String value) {
        assertEquals(Optional.empty(), DockerfileLabels.add("FROM x\n", null, Map.of("k", value.replace("\\n", "\n"))));
    }
}
