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
import java.util.function.Supplier;

/**
 * Calls on the negotiated API version over docker-java's transport with plain JSON ({@link EngineJson}), and the
 * mapping of what goes wrong in any call, this one's or docker-java's commands', into our exceptions.
 */
final class Transport {
    /** docker-java's transport, for the reads every command makes, answered as plain JSON ({@link EngineJson}). */
    private final DockerHttpClient http;
    private final EngineJson json = new EngineJson();
    private final EngineInfo info;

    Transport(DockerHttpClient http, EngineInfo info) {
        this.http = http;
        this.info = info;
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

    /** Runs one call, turning docker-java's exceptions into ours with the engine's own message. */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException e) {
            throw new NotFound(what + ": " + EngineMessages.of(e));
        } catch (NotModifiedException e) {
            throw new NotModified(what + ": not modified");
        } catch (DockerException e) {
            throw new EngineException(what + ": " + EngineMessages.of(e), e);
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            if (EngineMessages.isConnectionFailure(e)) {
                throw new EngineUnavailableException("lost the Docker engine at " + info.host() + " during " + what + ": "
                        + EngineMessages.rootMessage(e), e);
            }
            throw new EngineException(what + ": " + EngineMessages.rootMessage(e), e);
        }
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
