package dev.jcompose.spec.interpolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpolatorTest {
    private static final Map<String, String> ENV = Map.of("PORT", "8080", "EMPTY", "", "NAME", "web");

    private static String run(String template, List<String> unset) throws InterpolationException {
        return new Interpolator(ENV::get, unset::add).interpolate(template);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            ${PORT}:80                 | 8080:80        | NULL
            $PORT                      | 8080           | NULL
            ${MISSING}x                | x              | MISSING
            ${MISSING:-9090}           | 9090           | NULL
            ${EMPTY:-d}                | d              | NULL
            ${EMPTY-d}                 | ''             | NULL
            ${NAME:+set}               | set            | NULL
            ${EMPTY:+set}              | ''             | NULL
            $${PORT}                   | ${PORT}        | NULL
            a $ b                      | a $ b          | NULL
            ${MISSING:-${NAME}-x}      | web-x          | NULL
            ${MISSING:-${ALSO}}        | ''             | ALSO
            ${NAME:-${NEVER}}          | web            | NULL
            """)
    void substitutes(String template, String expected, String unsetName) throws InterpolationException {
        List<String> unset = new ArrayList<>();
        assertEquals(expected, run(template, unset));
        assertEquals(unsetName == null ? List.of() : List.of(unsetName), unset, "variables reported unset");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ${MISSING:?set MISSING to the port}  | required variable MISSING is missing a value: set MISSING to the port
            ${EMPTY:?}                           | required variable EMPTY is missing a value
            ${                                   | Invalid template: "${"
            ${ NAME}                             | Invalid template: "${ NAME}"
            ${NAME!}                             | Invalid template: "${NAME!}"
            """)
    void rejects(String template, String message) {
        InterpolationException e = assertThrows(InterpolationException.class, () -> run(template, new ArrayList<>()));
        assertEquals(message, e.getMessage());
    }
}
