package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cp's SERVICE:PATH, read as docker compose's splitCpArg reads it. */
class CpArgumentTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "none", textBlock = """
            web:/etc/hosts    ; web ; /etc/hosts
            web:relative/file ; web ; relative/file
            web:              ; web ; ''
            /abs/path         ; none ; /abs/path
            /abs/a:b          ; none ; /abs/a:b
            ./a:b             ; none ; ./a:b
            .hidden:x         ; none ; .hidden:x
            file.txt          ; none ; file.txt
            -                 ; none ; -
            web:/a:b          ; web ; /a:b
            """)
    void serviceAndPath(String arg, String service, String path) {
        CpArgument parsed = CpArgument.parse(arg);
        assertEquals(service, parsed.service());
        assertEquals(path, parsed.path());
    }
}
