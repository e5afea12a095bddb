package dev.jcompose.executor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Plain Engine API calls over a unix socket, one HTTP/1.0 request per connection, for what the test bed itself does
 * on an engine it started (ping, swarm init/join, node labels, services made with bare API bodies, clean-up). It is
 * deliberately not jcompose's {@code Engine} port: the bed must work while that port is being written, and a bug in
 * the port must not hide in the fixture that tests it.
 */
public final class EngineApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path socket;

    public EngineApi(Path socket) {
        this.socket = socket;
    }

    /** The engine's answer: its status and body text. */
    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON (an empty body is JSON null). */
        public JsonNode json() {
            try {
                return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /** True when the engine answers {@code GET /_ping} with OK. */
    public boolean ping() {
        try {
            Response r = call("GET", "/_ping", null);
            return r.ok() && r.body().strip().equals("OK");
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    public Response get(String path) {
        return call("GET", path, null);
    }

    public Response post(String path, Object body) {
        return call("POST", path, body);
    }

    public Response delete(String path) {
        return call("DELETE", path, null);
    }

    /** A call that must succeed: its JSON, or an {@link AssertionError} with the engine's own words. */
    public JsonNode expect(String method, String path, Object body) {
        Response r = call(method, path, body);
        if (!r.ok()) throw new AssertionError(method + " " + path + " on " + socket + ": " + r.status() + " " + r.body().strip());
        return r.json();
    }

    /**
     * One request; {@code body} is JSON text when a String, else written as JSON (null: no body). No timeout is
     * set: the calls the bed makes answer at once or the engine is broken, which the surrounding wait reports.
     */
    public Response call(String method, String path, Object body) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            byte[] payload = body == null ? new byte[0]
                    : (body instanceof String s ? s : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.0\r\nHost: docker\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\n")
                    + "Content-Length: " + payload.length + "\r\n\r\n";
            channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            channel.write(ByteBuffer.wrap(payload));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            Channels.newInputStream(channel).transferTo(answer);
            return parse(answer.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("engine at " + socket + ": " + e.getMessage(), e);
        }
    }

    private static Response parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) throw new UncheckedIOException(new IOException("not an HTTP answer: " + text));
        int status = Integer.parseInt(text.substring(text.indexOf(' ') + 1, text.indexOf(' ') + 4));
        return new Response(status, text.substring(end + 4));
    }
}
