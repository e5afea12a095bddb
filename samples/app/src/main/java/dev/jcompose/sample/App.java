package dev.jcompose.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The sample app: notes kept in Redis, over HTTP.
 * <ul>
 * <li>{@code GET /} a greeting with the environment's name and a visit counter</li>
 * <li>{@code GET /notes}, {@code POST /notes} (the body is the note)</li>
 * <li>{@code GET /health} 200 when Redis answers, 503 otherwise</li>
 * </ul>
 * Configured by the environment: {@code APP_ENV}, {@code PORT} (8080), {@code REDIS_HOST} (redis),
 * {@code REDIS_PORT} (6379), {@code REDIS_PASSWORD_FILE} (a secret's file; the password itself never travels in
 * the environment), {@code LOG_LEVEL} ({@code debug} logs every request).
 */
public final class App {
    private final Redis redis;
    private final String environment;
    private final boolean debug;

    App(Redis redis, String environment, boolean debug) {
        this.redis = redis;
        this.environment = environment;
        this.debug = debug;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        String passwordFile = env.get("REDIS_PASSWORD_FILE");
        String password = passwordFile == null ? null : Files.readString(Path.of(passwordFile)).strip();
        Redis redis = new Redis(env.getOrDefault("REDIS_HOST", "redis"), Integer.parseInt(env.getOrDefault("REDIS_PORT", "6379")), password);
        App app = new App(redis, env.getOrDefault("APP_ENV", "dev"), "debug".equalsIgnoreCase(env.get("LOG_LEVEL")));
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", app::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        log("sample app (" + app.environment + ") listening on :" + port + (password != null ? ", redis password from " + passwordFile : ""));
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (debug) log(method + " " + path + " from " + ex.getRemoteAddress());
        try {
            switch (method + " " + path) {
                case "GET /" -> {
                    long visits = (Long) redis.call("INCR", "visits");
                    send(ex, 200, "hello from the " + environment + " sample (visit " + visits + ")\n");
                }
                case "GET /notes" -> {
                    @SuppressWarnings("unchecked")
                    List<Object> notes = (List<Object>) redis.call("LRANGE", "notes", "0", "-1");
                    StringBuilder sb = new StringBuilder();
                    for (Object n : notes) sb.append(n).append('\n');
                    send(ex, 200, sb.toString());
                }
                case "POST /notes" -> {
                    String note = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
                    long count = (Long) redis.call("RPUSH", "notes", note);
                    send(ex, 201, "note " + count + " kept\n");
                }
                case "GET /health" -> send(ex, 200, redis.call("PING") + "\n");
                default -> send(ex, 404, "no such page: " + method + " " + path + "\n");
            }
        } catch (IOException e) {
            log("redis unavailable: " + e.getMessage());
            send(ex, 503, "redis unavailable: " + e.getMessage() + "\n");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void log(String message) {
        System.out.println(Instant.now() + " " + message);
    }
}
