package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.executor.EngineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An event as docker compose v2's events prints it, as text and as JSON, in the local zone. */
class EventLineTest {
    private static EngineEvent event(long seconds, int nanos, String action) {
        return new EngineEvent("container", action, "abc123", Instant.ofEpochSecond(seconds, nanos), new TreeMap<>(Map.of(
                "com.docker.compose.project", "demo", "com.docker.compose.service", "web", "name", "demo-web-1",
                "image", "busybox", "exitCode", "0")));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = ';', textBlock = """
            1796119200 ; 0         ; UTC           ; start ; 2026-12-01 10:00:00.000000 container start abc123 (exitCode=0, image=busybox, name=demo-web-1)
            1796119200 ; 123456789 ; UTC           ; die   ; 2026-12-01 10:00:00.123456 container die abc123 (exitCode=0, image=busybox, name=demo-web-1)
            1796119200 ; 5000      ; Europe/Paris  ; kill  ; 2026-12-01 11:00:00.000005 container kill abc123 (exitCode=0, image=busybox, name=demo-web-1)
            """)
    void text(long seconds, int nanos, String zone, String action, String expected) {
        assertEquals(expected + "\n", new EventLine(event(seconds, nanos, action), ZoneId.of(zone)).text());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = ';', textBlock = """
            1796119200 ; 0         ; UTC          ; 2026-12-01T10:00:00Z
            1796119200 ; 123456789 ; UTC          ; 2026-12-01T10:00:00.123456789Z
            1796119200 ; 120000000 ; UTC          ; 2026-12-01T10:00:00.12Z
            1796119200 ; 0         ; Europe/Paris ; 2026-12-01T11:00:00+01:00
            """)
    void json(long seconds, int nanos, String zone, String time) {
        assertEquals("{\"action\":\"start\",\"attributes\":{\"exitCode\":\"0\",\"image\":\"busybox\",\"name\":\"demo-web-1\"},"
                        + "\"id\":\"abc123\",\"service\":\"web\",\"time\":\"" + time + "\",\"type\":\"container\"}",
                new EventLine(event(seconds, nanos, "start"), ZoneId.of(zone)).json());
    }
}
