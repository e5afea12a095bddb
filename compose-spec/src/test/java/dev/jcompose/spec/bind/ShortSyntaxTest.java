package dev.jcompose.spec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.ServiceVolume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public face of the loader's short syntaxes, as the command line's run -p, -v and --entrypoint use it. */
class ShortSyntaxTest {
    /** Each port as {@code hostIp/published/target/protocol}, joined by spaces. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            80                      | /null/80/tcp
            8080:80                 | /8080/80/tcp
            127.0.0.1:8080:80/udp   | 127.0.0.1/8080/80/udp
            9000-9001:90-91         | /9000/90/tcp /9001/91/tcp
            [::1]:53:53/udp         | ::1/53/53/udp
            """)
    void ports(String spec, String expected) {
        List<String> got = ShortSyntax.ports(spec).stream()
                .map(p -> p.hostIp() + "/" + p.published() + "/" + p.target() + "/" + p.protocol()).toList();
        assertEquals(Arrays.asList(expected.split(" ")), got);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            80800             | invalid port "80800" in "80800": must be 1-65535
            web:80            | invalid port "web" in "web:80": must be a number 1-65535
            80/icmp           | invalid protocol "icmp": must be tcp, udp or sctp
            1-3:80-81         | port ranges of different lengths in "1-3:80-81"
            """)
    void badPorts(String spec, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> ShortSyntax.ports(spec)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            ./src:/src        | bind   | /proj/src       | /src  | false | ''
            data:/data:ro     | volume | data            | /data | true  | ''
            /tmp              | volume | NULL            | /tmp  | false | ''
            ~/c:/c            | bind   | /home/u/c       | /c    | false | ''
            /a:/b:roz         | bind   | /a              | /b    | false | unknown volume option "roz": ignored
            /a:/b:cached      | bind   | /a              | /b    | false | consistency cached only tunes Docker Desktop's file sharing: ignored
            """)
    void volumes(String spec, String type, String source, String target, boolean readOnly, String warning) {
        List<String> warnings = new ArrayList<>();
        ServiceVolume v = ShortSyntax.volume(spec, Path.of("/proj"), "/home/u", warnings::add);
        assertEquals(List.of(type, String.valueOf(source), target, String.valueOf(readOnly)),
                List.of(v.type(), String.valueOf(v.source()), v.target(), String.valueOf(v.readOnly())));
        assertEquals(warning.isEmpty() ? List.of() : List.of(warning), warnings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            data:rel          | invalid volume "data:rel": the container path "rel" must be absolute
            a:/b:ro:x         | invalid volume "a:/b:ro:x"
            """)
    void badVolumes(String spec, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> ShortSyntax.volume(spec, Path.of("/proj"), "/home/u", w -> { })).getMessage());
    }

    /** The words, joined by {@code |}. */
    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = ';', textBlock = """
            sh -c 'echo hi'         ; sh|-c|echo hi
            /bin/env  "A B"  C      ; /bin/env|A B|C
            ''                      ; ''
            a\\ b                   ; a b
            """)
    void words(String line, String expected) {
        assertEquals(expected, String.join("|", ShortSyntax.words(line)));
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertEquals("unclosed single quote", assertThrows(IllegalArgumentException.class, () -> ShortSyntax.words("sh -c 'x")).getMessage());
    }

    @Test
    void aPortRecordIsTheLoadersOwn() {
        assertEquals(List.of(new PortConfig("", 8080, 80, "tcp", "ingress")), ShortSyntax.ports("8080:80"));
    }
}
