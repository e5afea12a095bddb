package dev.jcompose.spec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.spec.model.ServiceVolume;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeSyntaxTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            /data                  | volume | NULL             | /data | false | {}
            data:/data             | volume | data             | /data | false | {}
            data:/data:ro          | volume | data             | /data | true  | {}
            data:/data:nocopy      | volume | data             | /data | false | {volume={nocopy=true}}
            ./www:/www:ro          | bind   | /proj/www        | /www  | true  | {}
            ../up:/up              | bind   | /up              | /up   | false | {}
            /srv:/srv:rw,z         | bind   | /srv             | /srv  | false | {bind={selinux=z}}
            /srv:/srv:cached       | bind   | /srv             | /srv  | false | {consistency=cached}
            ~/cache:/c             | bind   | /home/u/cache    | /c    | false | {}
            """)
    void parses(String spec, String type, String source, String target, boolean readOnly, String options) {
        ServiceVolume v = VolumeSyntax.parse(spec, Path.of("/proj"), "/home/u", mode -> { });
        assertEquals(new ServiceVolume(type, source, target, readOnly, v.options()), v);
        assertEquals(options, v.options().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            data:relative          | invalid volume "data:relative": the container path "relative" must be absolute
            a:/b:ro:extra          | invalid volume "a:/b:ro:extra"
            """)
    void rejects(String spec, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> VolumeSyntax.parse(spec, Path.of("/proj"), "/home/u", mode -> { })).getMessage());
    }

    /** compose-go ignores a mode it does not know; jcompose tells the caller, which warns at the line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            snmptraps:/var/lib/zabbix/snmptraps:roz | roz    | false
            data:/d:rx                              | rx     | false
            data:/d:ro,fast                         | fast   | true
            """)
    void toleratesUnknownModesAndNamesThem(String spec, String unknown, boolean readOnly) {
        java.util.List<String> told = new java.util.ArrayList<>();
        ServiceVolume v = VolumeSyntax.parse(spec, Path.of("/proj"), "/home/u", told::add);
        assertEquals(java.util.List.of(unknown), told);
        assertEquals(readOnly, v.readOnly());
    }
}
