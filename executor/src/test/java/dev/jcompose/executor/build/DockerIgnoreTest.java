package dev.jcompose.executor.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's .dockerignore rules, case by case: the rules (lines joined by {@code ;}), a path, excluded or not. */
class DockerIgnoreTest {
    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.log                   | app.log              | true
            *.log                   | logs/app.log         | false
            *.log                   | app.log.txt          | false
            **/*.log                | logs/deep/app.log    | true
            **/*.log                | app.log              | true
            target                  | target               | true
            target                  | target/classes/A.class | true
            target                  | src/target           | false
            /target                 | target/x             | true
            ./target/               | target/x             | true
            src/**/test             | src/test             | true
            src/**/test             | src/a/b/test/x.java  | true
            src/**/test             | test                 | false
            ?.txt                   | a.txt                | true
            ?.txt                   | ab.txt               | false
            ?.txt                   | /.txt                | false
            [ab].txt                | b.txt                | true
            [ab].txt                | c.txt                | false
            [^ab].txt               | c.txt                | true
            [a-c]x                  | bx                   | true
            \\*.txt                 | *.txt                | true
            \\*.txt                 | a.txt                | false
            *.md;!README.md         | README.md            | false
            *.md;!README.md         | CHANGES.md           | true
            !README.md;*.md         | README.md            | true
            docs;!docs/keep.txt     | docs/keep.txt        | false
            docs;!docs/keep.txt     | docs/drop.txt        | true
            # a comment;*.tmp       | a.tmp                | true
            # a comment;*.tmp       | # a comment          | false
            '  spaced.txt  '        | spaced.txt           | true
            a/../b                  | b/c                  | true
            **                      | anything/at/all      | true
            **;!keep                | keep                 | false
            **;!keep                | keep/inside          | false
            """)
    void matchesAsDockerDoes(String rules, String path, boolean excluded) {
        assertEquals(excluded, DockerIgnore.parse(rules.replace(';', '\n')).excludes(path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a/b/../c   | a/c
            ./a//b/    | a/b
            ../a       | ../a
            /a/../..   | /
            .          | .
            """)
    void cleansPathsAsGoDoes(String in, String out) {
        assertEquals(out, DockerIgnore.clean(in));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Dockerfile;*          | Dockerfile  | false
            .dockerignore         | .dockerignore | false
            *                     | other       | true
            """)
    void theDockerfileAndTheIgnoreFileAreAlwaysSent(String rules, String path, boolean excluded) {
        assertEquals(excluded, DockerIgnore.parse(rules.replace(';', '\n')).keeping("Dockerfile", ".dockerignore").excludes(path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [abc
            trailing\\
            """)
    void aBrokenPatternIsAnErrorNamingIt(String rule) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse(rule));
        assertEquals(true, e.getMessage().contains(rule), e.getMessage());
    }
}
