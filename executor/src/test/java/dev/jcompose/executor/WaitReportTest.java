package dev.jcompose.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a wait names the state it is in. */
class WaitReportTest {
    @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
    @CsvSource(textBlock = """
            running, starting,  , health: starting
            running, unhealthy, , health: unhealthy
            running, ,          , running
            created, ,          , created
            exited,  ,         3, exited (3)
            dead,    ,         1, exited (1)
            """)
    void describesTheStateInAFewWords(String state, String health, Integer code, String expected) {
        assertEquals(expected, WaitReport.describe(new ContainerStatus(state, health, code)));
    }
}
