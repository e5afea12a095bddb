package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the time-out settings: {@value EngineTimeouts#CONNECT} and {@value EngineTimeouts#RESPONSE}. */
class TimeoutSettingsTest {
    @Test
    void unsetMeansFiveSecondsToConnectAndSixtyForEachAnswer() {
        EngineTimeouts t = EngineTimeouts.from(Map.of());
        assertEquals(Duration.ofSeconds(5), t.connect());
        assertEquals(Duration.ofSeconds(60), t.response());
    }

    @ParameterizedTest
    @CsvSource({
            "60, 60000",
            "' 7 ', 7000",
            "2.5, 2500",
            "0.25, 250",
            "0.001, 1",
            "0, 0",
            "120, 120000",
    })
    void aValueIsANumberOfSeconds(String value, long millis) {
        EngineTimeouts t = EngineTimeouts.from(Map.of(EngineTimeouts.CONNECT, value, EngineTimeouts.RESPONSE, value));
        assertEquals(Duration.ofMillis(millis), t.connect());
        assertEquals(Duration.ofMillis(millis), t.response());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1", "1e3", "60s", "1.2345", "1,5", "0x10", "9999999999"})
    void anythingElseIsRefusedNamingTheSetting(String value) {
        for (String name : new String[] {EngineTimeouts.CONNECT, EngineTimeouts.RESPONSE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineTimeouts.from(Map.of(name, value)));
            assertEquals(name + "=\"" + value + "\" is not a number of seconds (for example 60 or 2.5; 0 for no limit)", e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({"60000, 60 s", "2500, 2.5 s", "250, 0.25 s", "70000, 70 s"})
    void limitsAreWrittenInSeconds(long millis, String text) {
        assertEquals(text, EngineTimeouts.describe(Duration.ofMillis(millis)));
    }

    @ParameterizedTest
    @CsvSource({"10, 70", "0, 60", "-1, 60", "300, 360"})
    void aStopWaitsItsGracePeriodOnTop(int grace, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), EngineTimeouts.from(Map.of()).forStop(grace));
    }

    @Test
    void noLimitStaysNoLimitForAStop() {
        assertEquals(Duration.ZERO, EngineTimeouts.from(Map.of(EngineTimeouts.RESPONSE, "0")).forStop(10));
    }
}
