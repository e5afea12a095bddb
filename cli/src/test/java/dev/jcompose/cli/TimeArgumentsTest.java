package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The times of {@code --since} and {@code --until}, in each form the docker CLI reads. */
class TimeArgumentsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T12:00:00Z"), ZoneId.of("Europe/Paris"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            1704196800,            2024-01-02T12:00:00Z
            1704196800.25,         2024-01-02T12:00:00.250Z
            42m,                   2024-01-02T11:18:00Z
            1h30m,                 2024-01-02T10:30:00Z
            1.5h,                  2024-01-02T10:30:00Z
            500ms,                 2024-01-02T11:59:59.500Z
            2024-01-02T13:23:37Z,  2024-01-02T13:23:37Z
            2024-01-02T13:23:37+02:00, 2024-01-02T11:23:37Z
            2024-01-02T13:23:37.5Z, 2024-01-02T13:23:37.500Z
            2024-01-02T13:23:37,   2024-01-02T12:23:37Z
            2024-01-02T13:23,      2024-01-02T12:23:00Z
            2024-01-02T13,         2024-01-02T12:00:00Z
            2024-01-02,            2024-01-01T23:00:00Z
            """)
    void readsEveryForm(String value, String expected) {
        assertEquals(Instant.parse(expected), TimeArguments.parse("--since", value, CLOCK));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "yesterday", "10x", "2024-13-01", "-5m"})
    void refusesTheRest(String value) {
        assertThrows(IllegalArgumentException.class, () -> TimeArguments.parse("--since", value, CLOCK));
    }
}
