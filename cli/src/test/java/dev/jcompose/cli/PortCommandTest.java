package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code port} on the in-memory engine: the binding printed as docker compose prints it, and when there is none. */
class PortCommandTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void upDetached() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web:
                    image: busybox
                    ports: ["8080:80", "127.0.0.1:5353:53/udp"]
                  db: {image: busybox, scale: 2, ports: ["127.0.0.1::5432"]}
                  off: {image: busybox, ports: ["9000:9000"]}
                """);
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        cli = CliRunner.withEngine(dir, engine);
        assertEquals(0, cli.run("up", "-d").exit());
        assertEquals(0, cli.run("stop", "off").exit());
    }

    @ParameterizedTest(name = "port {0}")
    @CsvSource(delimiter = ';', textBlock = """
            web 80                   ; 0 ; 0.0.0.0:8080 ;
            web 53 --protocol udp    ; 0 ; 127.0.0.1:5353 ;
            web 53                   ; 1 ;              ; no port 53/tcp is published for container demo-web-1: it publishes 80/tcp, 53/udp
            web 81                   ; 1 ;              ; no port 81/tcp is published for container demo-web-1: it publishes 80/tcp, 53/udp
            web 80 --protocol sctp   ; 2 ;              ; invalid value "sctp" for --protocol: expected tcp or udp
            off 9000                 ; 1 ;              ; service "off" is not running
            db 5432 --index 3        ; 1 ;              ; service "db" is not running (container #3)
            """)
    void printsHostIpAndPort(String args, int exit, String out, String err) {
        CliRunner.Result r = cli.run(("port " + args).split(" "));
        assertEquals(exit, r.exit(), r.toString());
        assertEquals(out == null ? "" : out + "\n", r.out());
        assertEquals(err == null ? "" : err + "\n", r.err());
    }
}
