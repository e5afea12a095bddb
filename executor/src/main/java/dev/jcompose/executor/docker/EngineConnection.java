package dev.jcompose.executor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.EngineUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A connection to the engine and the API version negotiated on it: docker-java's transport, what answered, the unix
 * socket where there is one, and docker-java's client, made at its first use. The engine's API version is read once
 * (from {@code GET /_ping}'s headers on a local unix socket, from an unversioned {@code GET /version} elsewhere) and
 * the lower of it and ours is the version of every call after.
 */
final class EngineConnection {
    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    /**
     * docker-java's client, made at its first use: building it builds a Jackson ObjectMapper for its model classes,
     * which commands that only read (ps, a no-op up) never need.
     */
    private final Supplier<DockerClient> clientFactory;
    private DockerClient client;
    private final DockerHttpClient http;
    private final EngineInfo info;
    /** The engine's unix socket, where streams with standard input are spoken directly ({@link Hijacked}); or null. */
    private final String unixSocket;

    private EngineConnection(Supplier<DockerClient> client, DockerHttpClient http, EngineInfo info, String unixSocket) {
        this.clientFactory = client;
        this.http = http;
        this.info = info;
        this.unixSocket = unixSocket;
    }

    /**
     * Connects and negotiates the lower of the engine's API version and {@code newestApi}; throws
     * {@link EngineUnavailableException} when nothing answers.
     */
    static EngineConnection open(Map<String, String> env, String newestApi) {
        String host = env.getOrDefault("DOCKER_HOST", DEFAULT_HOST);
        if (host.startsWith("unix://") && !env.containsKey("DOCKER_TLS_VERIFY")) return openUnix(host, newestApi);
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host);
        if (env.containsKey("DOCKER_TLS_VERIFY")) builder.withDockerTlsVerify(env.get("DOCKER_TLS_VERIFY"));
        if (env.containsKey("DOCKER_CERT_PATH")) builder.withDockerCertPath(env.get("DOCKER_CERT_PATH"));
        DefaultDockerClientConfig probeConfig;
        try {
            probeConfig = builder.build();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException("DOCKER_HOST=" + host + " is not usable: " + e.getMessage(), e);
        }
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(probeConfig.getDockerHost())
                .sslConfig(probeConfig.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(10))
                .build();
        Version version;
        try {
            version = DockerClientImpl.getInstance(probeConfig, http).versionCmd().exec();
        } catch (RuntimeException e) {
            closeQuietly(http);
            throw unavailable(host, e);
        }
        String api = ApiVersions.negotiate(version.getApiVersion(), version.getMinAPIVersion(), newestApi);
        DefaultDockerClientConfig config = builder.withApiVersion(api).build();
        return new EngineConnection(() -> DockerClientImpl.getInstance(config, http), http, new EngineInfo(version.getVersion(), api, host), null);
    }

    /**
     * The local engine, the way that starts fastest: a configuration read from nowhere, no TLS context, and the
     * API version from {@code GET /_ping}'s headers, so that no JSON is parsed before the first real call.
     */
    private static EngineConnection openUnix(String host, String newestApi) {
        URI uri = URI.create(host);
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(uri)
                .sslConfig(NoTls::context)
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(10))
                .build();
        String engineApi;
        String engineVersion;
        DockerHttpClient.Request ping = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path("/_ping").build();
        try (DockerHttpClient.Response r = http.execute(ping)) {
            if (r.getStatusCode() != 200) throw new IllegalStateException("GET /_ping answered " + r.getStatusCode());
            engineApi = header(r, "Api-Version");
            String server = header(r, "Server"); // Docker/20.10.24+dfsg1 (linux)
            engineVersion = server == null ? "unknown" : server.replaceFirst("^[^/]*/", "").replaceFirst(" .*$", "");
        } catch (RuntimeException e) {
            closeQuietly(http);
            throw unavailable(host, e);
        }
        String api = ApiVersions.negotiate(engineApi, null, newestApi);
        return new EngineConnection(() -> DockerClientImpl.getInstance(new UnixSocketConfig(uri, api), http), http, new EngineInfo(engineVersion, api, host), uri.getPath());
    }

    private static EngineUnavailableException unavailable(String host, RuntimeException e) {
        return new EngineUnavailableException("Cannot connect to the Docker engine at " + host + ": " + EngineMessages.rootMessage(e)
                + ". Is the engine running? Start one with scripts/engine.sh, or set DOCKER_HOST.", e);
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

    /** docker-java's client, for builds, pulls, pushes, exec and logs; made at the first call of this. */
    synchronized DockerClient client() {
        if (client == null) client = clientFactory.get();
        return client;
    }

    void close() {
        try {
            DockerClient made;
            synchronized (this) {
                made = client;
            }
            if (made != null) made.close(); // closes the transport too
            else http.close();
        } catch (IOException e) {
            // nothing left to do with a connection being closed
        }
    }

    private static void closeQuietly(DockerHttpClient http) {
        try {
            http.close();
        } catch (IOException e) {
            // the connection never worked
        }
    }
}
