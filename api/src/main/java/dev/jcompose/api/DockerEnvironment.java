package dev.jcompose.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/**
 * Where the engine is, found the way Docker's CLI and Testcontainers users already configure it, first that says:
 * {@code DOCKER_HOST}; {@code docker.host} in {@code ~/.testcontainers.properties}; the docker context named by
 * {@code DOCKER_CONTEXT} or by {@code currentContext} in {@code ~/.docker/config.json} (its endpoint in
 * {@code ~/.docker/contexts/meta/<sha256 of the name>/meta.json}); else the local socket.
 */
final class DockerEnvironment {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerEnvironment() {}

    /** The environment with {@code DOCKER_HOST} set when one of the sources names an engine. */
    static Map<String, String> resolve(Map<String, String> env, Path home) {
        if (env.containsKey("DOCKER_HOST")) return env;
        String host = testcontainersHost(home);
        if (host == null) host = contextHost(env, home);
        if (host == null) return env;
        Map<String, String> out = new HashMap<>(env);
        out.put("DOCKER_HOST", host);
        return Map.copyOf(out);
    }

    /**
     * The host name a published port answers on from here: {@code TESTCONTAINERS_HOST_OVERRIDE}, else a TCP engine's
     * host, else {@code localhost} (a local socket).
     */
    static String publishedHost(Map<String, String> env) {
        String override = env.get("TESTCONTAINERS_HOST_OVERRIDE");
        if (override != null && !override.isBlank()) return override.strip();
        String host = env.get("DOCKER_HOST");
        if (host != null && (host.startsWith("tcp://") || host.startsWith("http://") || host.startsWith("https://"))) {
            String h = URI.create(host).getHost();
            if (h != null && !h.isEmpty()) return h;
        }
        return "localhost";
    }

    private static String testcontainersHost(Path home) {
        Path file = home.resolve(".testcontainers.properties");
        if (!Files.isRegularFile(file)) return null;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String host = p.getProperty("docker.host");
        return host == null || host.isBlank() ? null : host.strip();
    }

    private static String contextHost(Map<String, String> env, Path home) {
        String context = env.get("DOCKER_CONTEXT");
        Path dockerDir = env.containsKey("DOCKER_CONFIG") ? Path.of(env.get("DOCKER_CONFIG")) : home.resolve(".docker");
        if (context == null) {
            JsonNode config = read(dockerDir.resolve("config.json"));
            context = config == null ? null : config.path("currentContext").asText(null);
        }
        if (context == null || context.isEmpty() || context.equals("default")) return null;
        Path meta = dockerDir.resolve("contexts").resolve("meta").resolve(sha256(context)).resolve("meta.json");
        JsonNode node = read(meta);
        if (node == null) {
            throw new IllegalStateException("docker context \"" + context + "\" is selected but " + meta + " does not exist");
        }
        String host = node.path("Endpoints").path("docker").path("Host").asText(null);
        return host == null || host.isEmpty() ? null : host;
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
