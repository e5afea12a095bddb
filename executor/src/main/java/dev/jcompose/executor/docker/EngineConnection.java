package dev.jcompose.executor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.EngineUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A connection to the engine and the API version negotiated on it: docker-java's transport, what answered, the unix
 * socket where there is one, and docker-java's client, made at its first use. The engine's API version is read once
 * (from {@code GET /_ping}'s headers on a local unix socket, from an unversioned {@code GET /version} elsewhere) and
 * the lower of it and ours is the version of every call after.
 *
 * <p>Two transports share the engine: one for ordinary calls, whose answers come within
 * {@link EngineTimeouts#response}, and one without a read time-out for the answers that stream for as long as a
 * container or the engine says (docker-java's client, which follows logs, attaches, builds, pulls, pushes and
 * waits, and the event stream).
 */
final class EngineConnection {
    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    /**
     * docker-java's client, made at its first use: building it builds a Jackson ObjectMapper for its model classes,
     * which commands that only read (ps, a no-op up) never need.
     */
    private final Function<DockerHttpClient, DockerClient> clientFactory;
    private DockerClient client;
    private final DockerHttpClient http;
    private final Supplier<DockerHttpClient> streamingFactory;
    private DockerHttpClient streaming;
    private final EngineInfo info;
    /** The engine's unix socket, where streams with standard input are spoken directly ({@link Hijacked}); or null. */
    private final String unixSocket;
    private final EngineTimeouts timeouts;
    private final Watchdog watchdog;

    private EngineConnection(Function<DockerHttpClient, DockerClient> client, DockerHttpClient http, Supplier<DockerHttpClient> streaming,
                             EngineInfo info, String unixSocket, EngineTimeouts timeouts, Watchdog watchdog) {
        this.clientFactory = client;
        this.http = http;
        this.streamingFactory = streaming;
        this.info = info;
        this.unixSocket = unixSocket;
        this.timeouts = timeouts;
        this.watchdog = watchdog;
    }

    /**
     * Connects and negotiates the lower of the engine's API version and {@code newestApi}; throws
     * {@link EngineUnavailableException} when nothing answers within {@link EngineTimeouts#connect}, or when a
     * setting is not usable.
     */
    static EngineConnection open(Map<String, String> env, String newestApi) {
        String host = env.getOrDefault("DOCKER_HOST", DEFAULT_HOST);
        EngineTimeouts timeouts;
        try {
            timeouts = EngineTimeouts.from(env);
        } catch (IllegalArgumentException e) {
            throw new EngineUnavailableException("Cannot connect to the Docker engine at " + host + ": " + e.getMessage(), e);
        }
        if (host.startsWith("unix://") && !env.containsKey("DOCKER_TLS_VERIFY")) return openUnix(host, newestApi, timeouts);
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host);
        if (env.containsKey("DOCKER_TLS_VERIFY")) builder.withDockerTlsVerify(env.get("DOCKER_TLS_VERIFY"));
        if (env.containsKey("DOCKER_CERT_PATH")) builder.withDockerCertPath(env.get("DOCKER_CERT_PATH"));
        DefaultDockerClientConfig probeConfig;
        try {
            probeConfig = builder.build();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException("DOCKER_HOST=" + host + " is not usable: " + e.getMessage(), e);
        }
        DockerHttpClient http = transport(probeConfig.getDockerHost(), probeConfig.getSSLConfig(), timeouts, timeouts.response());
        Watchdog watchdog = new Watchdog();
        Version version;
        Watchdog.Watch watch = watchdog.watch(timeouts.connect());
        try {
            version = DockerClientImpl.getInstance(probeConfig, http).versionCmd().exec();
            watch.end();
        } catch (RuntimeException e) {
            boolean late = watch.end();
            closeQuietly(http);
            watchdog.close();
            throw late ? noAnswer(host, "GET /version", timeouts) : unavailable(host, e);
        }
        String api = ApiVersions.negotiate(version.getApiVersion(), version.getMinAPIVersion(), newestApi);
        DefaultDockerClientConfig config = builder.withApiVersion(api).build();
        return new EngineConnection(streaming -> DockerClientImpl.getInstance(config, streaming), http,
                () -> transport(probeConfig.getDockerHost(), probeConfig.getSSLConfig(), timeouts, Duration.ZERO),
                new EngineInfo(version.getVersion(), api, host), null, timeouts, watchdog);
    }

    /**
     * The local engine, the way that starts fastest: a configuration read from nowhere, no TLS context, and the
     * API version from {@code GET /_ping}'s headers, so that no JSON is parsed before the first real call.
     */
    private static EngineConnection openUnix(String host, String newestApi, EngineTimeouts timeouts) {
        URI uri = URI.create(host);
        DockerHttpClient http = transport(uri, NoTls::context, timeouts, timeouts.response());
        Watchdog watchdog = new Watchdog();
        String engineApi;
        String engineVersion;
        DockerHttpClient.Request ping = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path("/_ping").build();
        Watchdog.Watch watch = watchdog.watch(timeouts.connect());
        try (DockerHttpClient.Response r = http.execute(ping)) {
            if (r.getStatusCode() != 200) throw new IllegalStateException("GET /_ping answered " + r.getStatusCode());
            engineApi = header(r, "Api-Version");
            String server = header(r, "Server"); // Docker/20.10.24+dfsg1 (linux)
            engineVersion = server == null ? "unknown" : server.replaceFirst("^[^/]*/", "").replaceFirst(" .*$", "");
            watch.end();
        } catch (RuntimeException e) {
            boolean late = watch.end();
            closeQuietly(http);
            watchdog.close();
            throw late ? noAnswer(host, "GET /_ping", timeouts) : unavailable(host, e);
        }
        String api = ApiVersions.negotiate(engineApi, null, newestApi);
        return new EngineConnection(streaming -> DockerClientImpl.getInstance(new UnixSocketConfig(uri, api), streaming), http,
                () -> transport(uri, NoTls::context, timeouts, Duration.ZERO),
                new EngineInfo(engineVersion, api, host), uri.getPath(), timeouts, watchdog);
    }

    /** docker-java's zerodep transport, with {@code responseTimeout} zero for none. */
    private static DockerHttpClient transport(URI host, SSLConfig tls, EngineTimeouts timeouts, Duration responseTimeout) {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .sslConfig(tls)
                .maxConnections(64)
                .connectionTimeout(timeouts.connect().isZero() ? null : timeouts.connect())
                .responseTimeout(responseTimeout.isZero() ? null : responseTimeout)
                .build();
    }

    private static EngineUnavailableException unavailable(String host, Exception e) {
        return new EngineUnavailableException("Cannot connect to the Docker engine at " + host + ": " + EngineMessages.rootMessage(e)
                + ". Is the engine running? Start one with scripts/engine.sh, or set DOCKER_HOST.", e);
    }

    private static EngineUnavailableException noAnswer(String host, String call, EngineTimeouts timeouts) {
        return new EngineUnavailableException("Cannot connect to the Docker engine at " + host + ": no answer to " + call + " within "
                + EngineTimeouts.describe(timeouts.connect()) + " (" + EngineTimeouts.CONNECT + "). Is the engine hung or overloaded?", null);
    }

    private static String header(DockerHttpClient.Response r, String name) {
        for (Map.Entry<String, List<String>> h : r.getHeaders().entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) return h.getValue().get(0);
        }
        return null;
    }

    EngineInfo info() {
        return info;
    }

    /** docker-java's transport, for the calls answered as plain JSON ({@link EngineJson}). */
    DockerHttpClient http() {
        return http;
    }

    /** The engine's unix socket, or null when the engine is not on one. */
    String unixSocket() {
        return unixSocket;
    }

    /** The transport without a read time-out, made at its first use. */
    synchronized DockerHttpClient streamingHttp() {
        if (streaming == null) streaming = streamingFactory.get();
        return streaming;
    }

    /**
     * docker-java's client, for builds, pulls, pushes, exec and logs, over the transport without a read time-out
     * (the few ordinary calls made through it are kept within their limit by {@link Transport#call}); made at the
     * first call of this.
     */
    synchronized DockerClient client() {
        if (client == null) client = clientFactory.apply(streamingHttp());
        return client;
    }

    EngineTimeouts timeouts() {
        return timeouts;
    }

    Watchdog watchdog() {
        return watchdog;
    }

    void close() {
        DockerClient madeClient;
        DockerHttpClient madeStreaming;
        synchronized (this) {
            madeClient = client;
            madeStreaming = streaming;
        }
        try {
            if (madeClient != null) madeClient.close(); // closes the streaming transport too
            else if (madeStreaming != null) madeStreaming.close();
        } catch (IOException e) {
            // nothing left to do with a connection being closed
        }
        closeQuietly(http);
        watchdog.close();
    }

    private static void closeQuietly(DockerHttpClient http) {
        try {
            http.close();
        } catch (IOException e) {
            // the connection never worked
        }
    }
}
