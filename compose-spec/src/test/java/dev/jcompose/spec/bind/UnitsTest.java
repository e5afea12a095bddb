package dev.jcompose.spec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10s      | 10s
            120s     | 2m0s
            1m30s    | 1m30s
            1h       | 1h0m0s
            90m      | 1h30m0s
            1.5s     | 1.5s
            500ms    | 500ms
            1500ms   | 1.5s
            2us      | 2µs
            30       | 30s
            0s       | 0s
            1.25     | 1.25s
            .5s      | 500ms
            1.s      | 1s
            1h2m3.5s | 1h2m3.5s
            1.000001ms | 1.000001ms
            2.5us    | 2.5µs
            999ns    | 999ns
            3s250ms  | 3.25s
            """)
    void durationsPrintAsGoDoes(String in, String out) {
        assertEquals(out, Units.goDuration(Units.nanos(in)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            50M     | 52428800
            20m     | 20971520
            1g      | 1073741824
            512k    | 524288
            1024    | 1024
            1.5gb   | 1610612736
            10000   | 10000
            """)
    void sizesAreBinaryBytes(String in, long out) {
        assertEquals(out, Units.bytes(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x", "s", "", "1m30", "ten seconds", ".", "30.", "1.5x", "-1s", "5d"})
    void rejectsWhatIsNotADuration(String in) {
        assertThrows(IllegalArgumentException.class, () -> Units.nanos(in));
    }
}
