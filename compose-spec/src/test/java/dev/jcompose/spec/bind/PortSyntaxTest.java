package dev.jcompose.spec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.spec.model.PortConfig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSyntaxTest {
    private static String show(List<PortConfig> ports) {
        StringBuilder sb = new StringBuilder();
        for (PortConfig p : ports) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(p.hostIp().isEmpty() ? "*" : p.hostIp()).append(',').append(p.published() == null ? "-" : p.published())
                    .append(',').append(p.target()).append('/').append(p.protocol());
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            80                     | *,-,80/tcp
            8080:80                | *,8080,80/tcp
            127.0.0.1:8080:80      | 127.0.0.1,8080,80/tcp
            127.0.0.1::80          | 127.0.0.1,-,80/tcp
            [::1]:8080:80          | ::1,8080,80/tcp
            53:53/udp              | *,53,53/udp
            8000-8001:80-81        | *,8000,80/tcp *,8001,81/tcp
            9090-9091              | *,-,9090/tcp *,-,9091/tcp
            """)
    void parses(String spec, String expected) {
        assertEquals(expected, show(PortSyntax.parse(spec)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            80800                  | invalid port "80800" in "80800": must be 1-65535
            http:80                | invalid port "http" in "http:80": must be a number 1-65535
            8080:80/icmp           | invalid protocol "icmp": must be tcp, udp or sctp
            8000-8002:80-81        | port ranges of different lengths in "8000-8002:80-81"
            1:2:3:4                | invalid port "1:2:3:4": too many ':'
            """)
    void rejects(String spec, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> PortSyntax.parse(spec)).getMessage());
    }
}
