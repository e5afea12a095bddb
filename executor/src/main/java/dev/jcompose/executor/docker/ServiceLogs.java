package dev.jcompose.executor.docker;

import static dev.jcompose.executor.docker.Transport.pathSegment;

import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.ServiceLogLine;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A service's logs ({@code GET /services/{id}/logs?details=1}), read on a thread of its own until they end or are
 * closed. The engine sends them as a container's: frames of stdout and stderr, or raw text when the service has a
 * TTY; each line starts with its details ({@code com.docker.swarm.node.id=..,com.docker.swarm.service.id=..,
 * com.docker.swarm.task.id=..}), which become the line's task and node.
 */
final class ServiceLogs {
    private static final String NODE = "com.docker.swarm.node.id";
    private static final String TASK = "com.docker.swarm.task.id";

    private ServiceLogs() {}

    static LogFollower open(Transport transport, String serviceId, boolean tty, LogOptions options, Consumer<ServiceLogLine> lines) {
        if (options.until() != null) {
            throw new EngineException("logs of service " + serviceId + ": the Engine API's service logs take no end time (until)");
        }
        StringBuilder path = new StringBuilder("/services/").append(pathSegment(serviceId))
                .append("/logs?stdout=1&stderr=1&details=1&follow=").append(options.follow() ? 1 : 0)
                .append("&timestamps=").append(options.timestamps() ? 1 : 0)
                .append("&tail=").append(options.tail() == null ? "all" : options.tail());
        if (options.since() != null) path.append("&since=").append(EventStream.seconds(options.since()));
        return ReaderThread.start("jcompose-service-logs", closed -> transport.call("read logs of service " + serviceId,
                () -> transport.exchange("GET", path.toString(), null, null, r -> {
                    if (closed.getAsBoolean()) return null;
                    read(r.getBody(), tty, options.timestamps(), lines);
                    return null;
                })));
    }

    /** The stream's frames (8-byte headers: stream, three zeros, a big-endian length) or, with a TTY, its raw bytes. */
    static void read(InputStream body, boolean tty, boolean timestamps, Consumer<ServiceLogLine> lines) throws IOException {
        Map<LogLine.Stream, LineSplitter> splitters = new EnumMap<>(LogLine.Stream.class);
        for (LogLine.Stream s : LogLine.Stream.values()) {
            splitters.put(s, new LineSplitter(text -> lines.accept(line(s, text, timestamps))));
        }
        if (tty) {
            byte[] buffer = new byte[8192];
            for (int n; (n = body.read(buffer)) > 0; ) splitters.get(LogLine.Stream.STDOUT).accept(Arrays.copyOf(buffer, n));
        } else {
            DataInputStream in = new DataInputStream(body);
            byte[] header = new byte[8];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException end) {
                    break;
                }
                int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                byte[] payload = new byte[size];
                in.readFully(payload);
                // 1 stdout, 2 stderr, 3 the engine's own error ("Error grabbing logs: ..."), shown as stderr
                splitters.get(header[0] == 1 ? LogLine.Stream.STDOUT : LogLine.Stream.STDERR).accept(payload);
            }
        }
        splitters.values().forEach(LineSplitter::flush);
    }

    /** One line: {@code [timestamp ]details message}, the details taken off into the task and node. */
    static ServiceLogLine line(LogLine.Stream stream, String raw, boolean timestamps) {
        String stamp = "";
        String rest = raw;
        if (timestamps) {
            int space = rest.indexOf(' ');
            if (space > 0) {
                stamp = rest.substring(0, space + 1);
                rest = rest.substring(space + 1);
            }
        }
        String task = "";
        String node = "";
        int space = rest.indexOf(' ');
        String details = space < 0 ? rest : rest.substring(0, space);
        if (details.contains(TASK + "=") || details.contains(NODE + "=")) {
            for (String pair : details.split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 0) continue;
                String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals(TASK)) task = value;
                if (key.equals(NODE)) node = value;
            }
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        return new ServiceLogLine(task, node, new LogLine(stream, stamp + rest));
    }
}
