package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docker compose's rules for --progress, --ansi, their variables and NO_COLOR, with or without a terminal. */
class OutputModesTest {
    private static Map<String, String> env(String spec) {
        Map<String, String> env = new HashMap<>();
        if (spec != null) for (String kv : spec.split(";")) env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        return env;
    }

    @ParameterizedTest(name = "--progress={0} --ansi={1} env={2} terminal={3} -> {4} ansi={5}")
    @CsvSource(textBlock = """
            ,      ,       ,                      true,  TTY,   true
            ,      ,       ,                      false, PLAIN, false
            auto,  never,  ,                      true,  PLAIN, false
            ,      ,       NO_COLOR=1,            true,  PLAIN, false
            ,      always, NO_COLOR=1,            true,  TTY,   true
            ,      always, ,                      false, PLAIN, true
            tty,   ,       ,                      false, TTY,   true
            plain, ,       ,                      true,  PLAIN, true
            json,  ,       ,                      true,  JSON,  true
            quiet, ,       ,                      true,  QUIET, true
            none,  ,       ,                      false, QUIET, false
            ,      ,       COMPOSE_PROGRESS=json, true,  JSON,  true
            plain, ,       COMPOSE_PROGRESS=json, true,  PLAIN, true
            ,      ,       COMPOSE_ANSI=never,    true,  PLAIN, false
            """)
    void modesAreChosenAsDockerComposeChoosesThem(String progress, String ansi, String envSpec, boolean terminal,
                                                  ProgressMode mode, boolean ansiOn) {
        assertEquals(new OutputModes(mode, ansiOn), OutputModes.resolve(progress, ansi, env(envSpec), terminal));
    }

    @ParameterizedTest(name = "--progress={0} --ansi={1}: {2}")
    @CsvSource(textBlock = """
            fancy, ,       unsupported --progress value "fancy"
            tty,   never,  can't use --progress tty while ANSI support is disabled
            plain, always, can't use --progress plain while ANSI support is forced
            ,      sometimes, unsupported --ansi value "sometimes"
            """)
    void contradictionsAndUnknownValuesAreUsageErrors(String progress, String ansi, String message) {
        var e = assertThrows(OutputModes.Invalid.class, () -> OutputModes.resolve(progress, ansi, Map.of(), true));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
