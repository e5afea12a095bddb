package dev.jcompose.executor.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.EngineUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Calls on the negotiated API version over docker-java's transport with plain JSON ({@link EngineJson}), and the
 * mapping of what goes wrong in any call, this one's or docker-java's commands', into our exceptions: each call
 * within its limit ({@link EngineTimeouts}), a stream without one.
 */
final class Transport {
    /** docker-java's transport, for the reads every command makes, answered as plain JSON ({@link EngineJson}). */
    private final DockerHttpClient http;
    /** The same engine without a read time-out, for answers that stream for as long as the engine says. */
    private final Supplier<DockerHttpClient> streaming;
    private final EngineJson json = new EngineJson();
    private final EngineInfo info;
    private final EngineTimeouts timeouts;
    private final Watchdog watchdog;

    Transport(EngineConnection connection) {
        this.http = connection.http();
        this.streaming = connection::streamingHttp;
        this.info = connection.info();
        this.timeouts = connection.timeouts();
        this.watchdog = connection.watchdog();
    }

    Object get(String path) {
        return send(Method.GET, path, null);
    }

    /**
     * One call on the negotiated API version, with a JSON body when {@code body} is not null; the answer as plain
     * JSON values (null when there is none). An error status throws docker-java's exceptions with the engine's
     * body, which {@link #call} words as for any other call.
     */
    Object send(Method method, String path, Object body) {
        return sendBytes(method, path, body == null ? null : json.write(body), "application/json");
    }

    /** {@link #send} with a body of bytes: a tar stream, say. */
    Object sendBytes(Method method, String path, byte[] body) {
        return sendBytes(method, path, body, "application/x-tar");
    }

    private Object sendBytes(Method method, String path, byte[] body, String contentType) {
        var builder = DockerHttpClient.Request.builder().method(method).path("/v" + info.apiVersion() + path);
        if (body != null) builder.putHeader("Content-Type", contentType).bodyBytes(body);
        try (DockerHttpClient.Response r = http.execute(builder.build())) {
            int status = r.getStatusCode();
            if (status == 304) throw new NotModifiedException("not modified");
            if (status >= 200 && status < 300) return json.read(r.getBody());
            String text = new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (status == 404) throw new NotFoundException(text);
            throw new DockerException(text, status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an answer while its call is open: the status was a success; the body comes as the engine sends it. */
    @FunctionalInterface
    interface Answer<T> {
        T read(DockerHttpClient.Response response) throws IOException;
    }

    /**
     * One call on the negotiated API version whose answer is read as a stream ({@code method} a name, so that HEAD
     * can be sent too), with {@code body} as a stream of {@code contentType} when not null. An error status throws
     * as {@link #send} does.
     */
    <T> T exchange(String method, String path, InputStream body, String contentType, Answer<T> answer) {
        return exchange(http, method, path, body, contentType, answer);
    }

    /** {@link #exchange} on the transport without a read time-out, for an answer that streams ({@link #stream}). */
    <T> T exchangeStreaming(String method, String path, InputStream body, String contentType, Answer<T> answer) {
        return exchange(streaming.get(), method, path, body, contentType, answer);
    }

    private <T> T exchange(DockerHttpClient http, String method, String path, InputStream body, String contentType, Answer<T> answer) {
        var builder = DockerHttpClient.Request.builder().method(method).path("/v" + info.apiVersion() + path);
        if (body != null) builder.putHeader("Content-Type", contentType).body(body);
        try (DockerHttpClient.Response r = http.execute(builder.build())) {
            int status = r.getStatusCode();
            if (status >= 200 && status < 300) return answer.read(r);
            // a HEAD answer has no body to say why
            String text = method.equals("HEAD") ? "status " + status : new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (status == 404) throw new NotFoundException(text);
            throw new DockerException(text, status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void post(String path, Object body) {
        send(Method.POST, path, body);
    }

    /** A name as one segment of a path, or as a query value. */
    static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A {@code filters} query value: {@code {"label":["a=b"]}}, URL-encoded. */
    static String filters(String kind, String value) {
        String text = "{\"" + kind + "\":[\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]}";
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Runs one ordinary call within {@link EngineTimeouts#response}, turning docker-java's exceptions into ours with
     * the engine's own message.
     */
    <T> T call(String what, Supplier<T> call) {
        return call(what, new Limit(timeouts.response(), EngineTimeouts.RESPONSE + "=" + EngineTimeouts.describe(timeouts.response())), call);
    }

    /**
     * A stop or a restart that gives the container {@code graceSeconds} before the engine kills it: the engine
     * answers after that, so the limit is that much longer than an ordinary call's.
     */
    <T> T stopping(String what, int graceSeconds, Supplier<T> call) {
        return call(what, new Limit(timeouts.forStop(graceSeconds), EngineTimeouts.RESPONSE + "=" + EngineTimeouts.describe(timeouts.response())
                + " after the container's " + Math.max(graceSeconds, 0) + " s to stop"), call);
    }

    /** A call that streams or blocks for as long as the container or the engine says: no limit of ours. */
    <T> T stream(String what, Supplier<T> call) {
        return call(what, new Limit(Duration.ZERO, ""), call);
    }

    /** How long a call may take, and the setting that says so, for the message when it took longer. */
    private record Limit(Duration duration, String setting) {}

    private <T> T call(String what, Limit limit, Supplier<T> call) {
        Watchdog.Watch watch = watchdog.watch(limit.duration());
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            if (watch.end()) throw timedOut(what, limit, e);
            throw mapped(what, e);
        }
        watch.end(); // an answer that came as the limit passed is still an answer
        return result;
    }

    private static EngineException timedOut(String what, Limit limit, RuntimeException e) {
        return new EngineException(what + ": the engine did not answer within " + EngineTimeouts.describe(limit.duration())
                + " (" + limit.setting() + ")", e);
    }

    /** What ended a stream that {@code what} opened, as {@link #call} words a failed call. */
    RuntimeException failure(String what, RuntimeException e) {
        return mapped(what, e);
    }

    /** The failure of a stream that the engine left silent for the response time-out. */
    EngineException silent(String what) {
        return new EngineException(what + ": the engine sent nothing for " + EngineTimeouts.describe(timeouts.response()) + " ("
                + EngineTimeouts.RESPONSE + "=" + EngineTimeouts.describe(timeouts.response()) + ")");
    }

    /** docker-java's exceptions as ours, with the engine's own message. */
    private RuntimeException mapped(String what, RuntimeException e) {
        if (e instanceof NotFoundException) return new NotFound(what + ": " + EngineMessages.of((DockerException) e));
        if (e instanceof NotModifiedException) return new NotModified(what + ": not modified");
        if (e instanceof DockerException d) return new EngineException(what + ": " + EngineMessages.of(d), e);
        if (e instanceof EngineException) return e;
        if (EngineMessages.isConnectionFailure(e)) {
            return new EngineUnavailableException("lost the Docker engine at " + info.host() + " during " + what + ": "
                    + EngineMessages.rootMessage(e), e);
        }
        return new EngineException(what + ": " + EngineMessages.rootMessage(e), e);
    }

    /** A 404 from the engine, for the calls where "not there" is an answer rather than a failure. */
    static final class NotFound extends EngineException {
        NotFound(String message) {
            super(message);
        }
    }

    static final class NotModified extends EngineException {
        NotModified(String message) {
            super(message);
        }
    }
}
