package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.ServiceLogLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service log stream's frames and details prefix, read without an engine. */
class ServiceLogsTest {
    private static final String DETAILS = "com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1";

    private static void frame(ByteArrayOutputStream out, int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(stream);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(payload.length >>> 24);
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.writeBytes(payload);
    }

    @Test
    void framesBecomeLinesWithTheirTaskAndNodeEvenWhenCutMidLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 1, DETAILS + " hello wor");
        frame(out, 2, DETAILS.replace("t1", "t2") + " oops\n");
        frame(out, 1, "ld\n");
        frame(out, 1, DETAILS + " no newline at the end");
        List<ServiceLogLine> lines = new ArrayList<>();
        ServiceLogs.read(new ByteArrayInputStream(out.toByteArray()), false, false, lines::add);
        assertEquals(List.of(
                new ServiceLogLine("t2", "n1", new LogLine(LogLine.Stream.STDERR, "oops")),
                new ServiceLogLine("t1", "n1", new LogLine(LogLine.Stream.STDOUT, "hello world")),
                new ServiceLogLine("t1", "n1", new LogLine(LogLine.Stream.STDOUT, "no newline at the end"))), lines);
    }

    @Test
    void aTimestampComesBeforeTheDetailsAndStaysOnTheText() {
        assertEquals(new ServiceLogLine("t1", "n1", new LogLine(LogLine.Stream.STDOUT, "2026-01-01T00:00:00.000000000Z up")),
                ServiceLogs.line(LogLine.Stream.STDOUT, "2026-01-01T00:00:00.000000000Z " + DETAILS + " up", true));
    }

    @Test
    void aTtyServiceSendsRawTextAndALineWithoutDetailsKeepsAll() throws IOException {
        List<ServiceLogLine> lines = new ArrayList<>();
        ServiceLogs.read(new ByteArrayInputStream((DETAILS + " one\r\nplain two\n").getBytes(StandardCharsets.UTF_8)), true, false, lines::add);
        assertEquals(List.of(new ServiceLogLine("t1", "n1", new LogLine(LogLine.Stream.STDOUT, "one")),
                new ServiceLogLine("", "", new LogLine(LogLine.Stream.STDOUT, "plain two"))), lines);
    }
}
