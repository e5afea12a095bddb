package dev.jcompose.executor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an engine socket that answers each request with a canned answer: {@code GET /_ping} as a 20.10
 * engine does, {@code GET /containers/json} with no containers, what {@link #answer} adds, and 404 for the rest.
 * One request per connection, closed after the answer. For the tests of {@link FaultProxy} and of the time-outs,
 * which need an engine that does exactly what it is told and nothing else.
 */
public final class CannedEngine implements AutoCloseable {
    /** An answer: status, body (JSON unless it says otherwise). */
    public record Answer(int status, String body) {}

    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();
    private volatile boolean closed;

    private CannedEngine(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
        answers.put("GET /_ping", new Answer(200, "OK"));
        answers.put("GET /containers/json", new Answer(200, "[]"));
    }

    public static CannedEngine start(Path socket) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CannedEngine engine = new CannedEngine(socket, server);
        Thread t = new Thread(engine::accept, "canned-engine");
        t.setDaemon(true);
        t.start();
        return engine;
    }

    public Path socket() {
        return socket;
    }

    /** Answers {@code method path} (no version, no query) with this from now on. */
    public CannedEngine answer(String method, String path, int status, String body) {
        answers.put(method + " " + path, new Answer(status, body));
        return this;
    }

    /** How many requests were answered in full. */
    public int served() {
        return served.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        Files.deleteIfExists(socket);
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel c = server.accept();
                Thread t = new Thread(() -> serve(c), "canned-engine-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel c) {
        try (c) {
            String head = readRequest(c);
            if (head == null) return;
            String[] line = head.substring(0, head.indexOf("\r\n")).split(" ");
            String key = line[0] + " " + FaultProxy.path(line[1]);
            Answer a = answers.getOrDefault(key, new Answer(404, "{\"message\":\"no such thing: " + key + "\"}"));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            String type = a.body().startsWith("{") || a.body().startsWith("[") ? "application/json" : "text/plain";
            String response = "HTTP/1.1 " + a.status() + " " + reason(a.status()) + "\r\n"
                    + "Api-Version: 1.41\r\nServer: Docker/20.10.24 (linux)\r\n"
                    + "Content-Type: " + type + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            ByteBuffer out = ByteBuffer.allocate(response.length() + body.length);
            out.put(response.getBytes(StandardCharsets.ISO_8859_1)).put(body).flip();
            while (out.hasRemaining()) c.write(out);
            served.incrementAndGet();
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String reason(int status) {
        return Map.of(200, "OK", 201, "Created", 204, "No Content", 404, "Not Found", 500, "Internal Server Error")
                .getOrDefault(status, "Status");
    }

    /** The head, and a body of the length it gives (read and dropped). */
    private static String readRequest(SocketChannel c) throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (true) {
            buf.clear();
            int n = c.read(buf);
            if (n < 0) return null;
            in.write(buf.array(), 0, n);
            String text = in.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) continue;
            String head = text.substring(0, end + 4);
            Map<String, String> headers = new TreeMap<>();
            for (String h : head.split("\r\n")) {
                int colon = h.indexOf(':');
                if (colon > 0) headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
            long have = in.size() - end - 4L;
            while (have < length) {
                int m = c.read(buf.clear());
                if (m < 0) break;
                have += m;
            }
            return head;
        }
    }
}
