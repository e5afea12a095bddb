package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts of a test stack: its project changes, the owner label, the listening check. */
class StackPartsTest {
    @TempDir
    Path dir;

    @Test
    void randomHostPortsKeepTheContainerPortProtocolAndAddressAndDropOnlyTheHostPort() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: busybox, ports: ["127.0.0.1:8080:80", "9000:9000/udp", "443"]}
                  db: {image: busybox}
                """);
        Project p = ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
        Project random = StackProjects.randomHostPorts(p);
        assertEquals(List.of(new PortConfig("127.0.0.1", null, 80, "tcp", "ingress"), new PortConfig("", null, 9000, "udp", "ingress"),
                new PortConfig("", null, 443, "tcp", "ingress")), random.service("web").ports());
        assertEquals(p.service("db"), random.service("db"));
    }

    @Test
    void labelsAreAddedToEveryServiceWithoutLosingTheFilesOwn() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: {image: busybox, labels: {team: a}}\n  db: {image: busybox}\n");
        Project p = ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
        Project labelled = StackProjects.withLabels(p, new TreeMap<>(Map.of(Owner.LABEL, "h/1/2")));
        assertEquals(Map.of("team", "a", Owner.LABEL, "h/1/2"), labelled.service("web").labels());
        assertEquals(Map.of(Owner.LABEL, "h/1/2"), labelled.service("db").labels());
    }

    @Test
    void theOwnerLabelRoundTripsAndThisProcessIsAlive() {
        Owner me = Owner.current("here");
        assertEquals(Optional.of(me), Owner.parse(me.label()));
        assertTrue(me.alive("here"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = """
            '',          empty
            'a/b/c',     not numbers
            'a/1',       two parts
            'a/1/2/3',   four parts
            """)
    void aLabelThatIsNotAnOwnerIsIgnored(String label, String why) {
        assertEquals(Optional.empty(), Owner.parse(label), why);
    }

    @Test
    void anOwnerWhoseProcessEndedIsDeadAndOneOfAnotherHostAlwaysCountsAsAlive() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(1L);
        Owner ended = new Owner("here", p.pid(), start);
        assertFalse(ended.alive("here"), "its process is gone");
        assertTrue(ended.alive("elsewhere"), "another host's processes cannot be seen from here: never swept");
        Owner reused = new Owner("here", ProcessHandle.current().pid(), 12345L);
        assertFalse(reused.alive("here"), "a pid now used by a process that started at another time is not the owner");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            '   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 10 0' | 8080 | true  | listening on 8080
            '   0: 00000000:1F90 00000000:0000 01 00000000:00000000 00:00000000 00000000     0        0 1 1 0 10 0' | 8080 | false | established, not listening
            '   0: 0100007F:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 10 0' | 80   | true  | 127.0.0.1:80
            '   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 0 0 0' | 8080 | true | IPv6 any
            '   0: 00000000:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 10 0' | 8080 | false | another port
            """)
    void listeningIsReadFromProcNetTcp(String row, int port, boolean listens, String what) {
        String table = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" + row + "\n";
        assertEquals(listens, Waits.listens(table, port), what);
    }
}
