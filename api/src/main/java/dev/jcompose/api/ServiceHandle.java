package dev.jcompose.api;

import dev.jcompose.executor.ExecSpec;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.PublishedPort;
import dev.jcompose.service.ComposeService;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service of a running stack: where its ports are published, what it logged, and commands run in it. It reads
 * the engine each time it is asked (a restarted container can have another port), and it acts on the service's first
 * container unless told another ({@link #container(int)}).
 */
public final class ServiceHandle {
    private final ComposeService service;
    private final String project;
    private final String name;
    private final String host;
    private final int index;

    ServiceHandle(ComposeService service, String project, String name, String host, int index) {
        this.service = service;
        this.project = project;
        this.name = name;
        this.host = host;
        this.index = index;
    }

    public String name() {
        return name;
    }

    /** The same service's container number {@code n} (1 is the first), for a scaled service. */
    public ServiceHandle container(int n) {
        if (n < 1) throw new IllegalArgumentException("container numbers start at 1, not " + n);
        return new ServiceHandle(service, project, name, host, n);
    }

    /** The names of the service's containers (one-offs left out), by number. */
    public List<String> containers() {
        return service.containers(project).stream().filter(c -> c.service().equals(name) && !c.oneoff())
                .sorted(Comparator.comparingInt(ObservedContainer::number)).map(ObservedContainer::name).toList();
    }

    /** The host the service's published ports answer on, as seen from this JVM. */
    public String host() {
        return host;
    }

    /** The host port the engine published the container's TCP port on. */
    public int port(int containerPort) {
        return port(containerPort, "tcp");
    }

    /** The host port the engine published the container's port ({@code tcp} or {@code udp}) on. */
    public int port(int containerPort, String protocol) {
        ObservedContainer c = target();
        return c.ports().stream()
                .filter(p -> p.privatePort() == containerPort && p.type().equals(protocol) && p.publicPort() != null)
                .map(PublishedPort::publicPort).findFirst()
                .orElseThrow(() -> new ComposeStackException("container " + c.name() + " publishes no port " + containerPort
                        + "/" + protocol + (c.ports().isEmpty() ? " (it publishes none)" : " (it publishes " + published(c) + ")")));
    }

    /** {@code scheme://host:port} of the container's TCP port, e.g. {@code uri("http", 8080)}. */
    public URI uri(String scheme, int containerPort) {
        return URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port(containerPort));
    }

    /** Everything the container has logged so far, stdout and stderr interleaved as they came, one line each. */
    public String logs() {
        return logs(null);
    }

    /** The last {@code lines} lines the container logged. */
    public String logs(Integer lines) {
        StringBuilder out = new StringBuilder();
        try (var follower = service.logs(target().name(), new LogOptions(false, lines, null, null, false),
                line -> append(out, line))) {
            follower.awaitEnd(30_000);
        }
        synchronized (out) {
            return out.toString();
        }
    }

    /** Runs a command in the container, as {@code jcompose exec -T}, and returns its exit code and output. */
    public ExecResult exec(String... command) {
        return exec(Map.of(), command);
    }

    /** Runs a command in the container with these environment variables added. */
    public ExecResult exec(Map<String, String> environment, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecSpec spec = new ExecSpec(List.of(command), null, null, new TreeMap<>(environment), false, false, false);
        int code = service.exec(target().name(), spec, null, bytes -> write(out, bytes), bytes -> write(err, bytes));
        synchronized (out) {
            synchronized (err) {
                return new ExecResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private ObservedContainer target() {
        return service.containers(project).stream()
                .filter(c -> c.service().equals(name) && !c.oneoff() && c.number() == index).findFirst()
                .orElseThrow(() -> new ComposeStackException("service \"" + name + "\" of stack " + project
                        + " has no container #" + index + " (is the stack up?)"));
    }

    private static String published(ObservedContainer c) {
        return String.join(", ", c.ports().stream().filter(p -> p.publicPort() != null)
                .map(p -> p.privatePort() + "/" + p.type()).distinct().toList());
    }

    private static void append(StringBuilder out, LogLine line) {
        synchronized (out) {
            out.append(line.text()).append('\n');
        }
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        synchronized (out) {
            out.write(bytes, 0, bytes.length);
        }
    }
}
