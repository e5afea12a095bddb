package dev.jcompose.executor.testing;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.ImageCopy;
import dev.jcompose.executor.docker.DockerJavaEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Docker engine of the test's own: a {@code dockerd} started for it, which it may stop, kill, restart or put into
 * swarm mode without disturbing the engine at {@code /var/run/docker.sock} that other tests share.
 *
 * <p>Everything the daemon keeps is under one temporary folder ({@link #root()}): its data root, exec root (with
 * the containerd the daemon starts for itself there), pid file, log and socket. It runs in a network namespace of its
 * own ({@code jcoe-XXXXXXXX}, made before the start, removed by close(); a {@link SwarmBed} node brings its own
 * launcher and namespace), with {@code --bridge=none}: a dockerd in the host's network namespace deletes the host's
 * {@code docker0}, the main engine's, at its start, with {@code --bridge=none} and with a bridge of its own alike
 * (seen on 20.10 here: a test that checks {@code docker0} caught it). Its socket is in the host's file system, so
 * the host reaches it; its containers' published ports are in its namespace, not the host's.
 * It runs with {@code --iptables=false} and {@code --ip-masq=false} (no host firewall rule is touched), its own
 * {@code --config-file} (a host {@code daemon.json} does not leak in) and networks taken from a /16 of 10.0.0.0/8
 * that no host route uses. It is started with {@code setsid}, in a session of its own, so that it outlives nothing
 * it should not and a test's shell job does not take it down.
 *
 * <p>Use:
 * <pre>{@code
 * try (OwnEngine own = OwnEngine.launch(); Engine engine = own.connect()) {
 *     own.loadBaseImage();                       // jcompose/busybox:latest, streamed from the main engine
 *     ... run jcompose against own.env() (DOCKER_HOST) or engine ...
 *     own.kill();                                 // SIGKILL: as a crashed daemon
 *     own.start();                                // the same data root again
 * }                                               // close(): stopped, its containers, networks, mounts, folder gone
 * }</pre>
 *
 * <p>It never signals, stops or cleans an engine it did not start: it acts on the pid it launched (the pid file's,
 * checked to be a {@code dockerd} whose command line names this root), and clean-up only touches processes and mounts
 * whose paths are inside {@link #root()}. Not thread-safe: one test drives it.
 */
public final class OwnEngine implements AutoCloseable {
    /** How long a start may take before it is a failure: a cold dockerd answers within a second here. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** SIGTERM lets dockerd stop its containers, each given {@code --shutdown-timeout} (10 s here). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Options options;
    private final Path root;
    private final Thread shutdownHook;
    /** The daemon's default bridge: {@code none}, in a namespace of its own. */
    private final String bridge;
    /** The network namespace made for it ({@code jcoe-XXXXXXXX}), or null when its launcher brought one. */
    private final String namespace;
    private Process process;
    private boolean closed;

    /**
     * How the daemon is started.
     *
     * @param name        a word in the folder's name, for finding a test's engine by eye
     * @param root        the folder to keep everything in (made, and removed by close()), or null for a fresh
     *                    temporary folder {@code /tmp/jct-NAME-...}
     * @param launcher    what runs dockerd, in front of its command line ({@code nsenter --net=...} for a
     *                    network namespace); empty for the host's
     * @param extraArgs   more dockerd flags ({@code --insecure-registry=...}, {@code --label=...},
     *                    {@code --live-restore})
     * @param addressPool the {@code --default-address-pool} base (a /16 such as {@code 10.240.0.0/16}), or null to pick
     *                    a /16 of 10.224-10.254 that no host route uses
     */
    public record Options(String name, Path root, List<String> launcher, List<String> extraArgs, String addressPool) {
        public Options {
            launcher = List.copyOf(launcher);
            extraArgs = List.copyOf(extraArgs);
        }

        public static Options named(String name) {
            return new Options(name, null, List.of(), List.of(), null);
        }

        public Options withArgs(String... args) {
            List<String> all = new ArrayList<>(extraArgs);
            all.addAll(List.of(args));
            return new Options(name, root, launcher, all, addressPool);
        }

        public Options withLauncher(String... command) {
            return new Options(name, root, List.of(command), extraArgs, addressPool);
        }

        public Options withAddressPool(String base) {
            return new Options(name, root, launcher, extraArgs, base);
        }

        public Options inFolder(Path folder) {
            return new Options(name, folder, launcher, extraArgs, addressPool);
        }
    }

    private OwnEngine(Options options, Path root, String bridge, String namespace) {
        this.namespace = namespace;
        this.options = options;
        this.root = root;
        this.bridge = bridge;
        // a JVM that ends without close() (a test killed by surefire's timeout) does not leave a daemon behind
        this.shutdownHook = new Thread(this::cleanUp, "own-engine-cleanup " + root);
    }

    /** Starts an engine named {@code own} with the default flags and waits until it answers. */
    public static OwnEngine launch() {
        return launch(Options.named("own"));
    }

    /**
     * Makes a fresh folder, starts dockerd in it and waits until {@code /_ping} answers; a daemon that does not
     * answer within a minute is an {@link AssertionError} with the end of its log, and nothing is left behind.
     */
    public static OwnEngine launch(Options options) {
        Path root;
        try {
            root = options.root() != null ? Files.createDirectories(options.root())
                    : Files.createTempDirectory("jct-" + options.name() + "-");
            Files.writeString(root.resolve("daemon.json"), "{}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pool = options.addressPool() != null ? options.addressPool() : HostState.freeSixteen();
        // never in the host's namespace: a dockerd there deletes the main engine's docker0 as it starts
        String namespace = options.launcher().isEmpty() ? HostState.makeNamespace() : null;
        Options started = namespace == null ? options : options.withLauncher("nsenter", "--net=" + HostState.namespacePath(namespace));
        OwnEngine engine = new OwnEngine(started.inFolder(root).withAddressPool(pool), root, "none", namespace);
        Runtime.getRuntime().addShutdownHook(engine.shutdownHook);
        try {
            engine.startDaemon();
        } catch (RuntimeException | AssertionError e) {
            engine.discard(); // it made nothing yet but its folder and processes; a restart would only fail again
            throw e;
        }
        return engine;
    }

    /** The folder that holds everything of this engine. */
    public Path root() {
        return root;
    }

    public Path socket() {
        return root.resolve("docker.sock");
    }

    public Path dataRoot() {
        return root.resolve("data");
    }

    public Path execRoot() {
        return root.resolve("exec");
    }

    /** The network namespace made for it ({@code /run/netns/jcoe-XXXXXXXX}), or null when its launcher brought one. */
    public Path namespace() {
        return namespace == null ? null : HostState.namespacePath(namespace);
    }

    /** The daemon's default bridge: {@code none}, in a namespace of its own. */
    public String bridge() {
        return bridge;
    }

    /** The daemon's log (stdout and stderr of every start, appended). */
    public Path log() {
        return root.resolve("dockerd.log");
    }

    /** {@code unix:///tmp/jct-own-.../docker.sock}. */
    public String host() {
        return "unix://" + socket();
    }

    /** The environment that points jcompose (or a docker CLI) at this engine: {@code DOCKER_HOST} only. */
    public Map<String, String> env() {
        return Map.of("DOCKER_HOST", host());
    }

    /** jcompose's engine port on this engine; the caller closes it. */
    public Engine connect() {
        return DockerJavaEngine.connect(env());
    }

    /** Plain API calls on this engine, for what a test does around jcompose. */
    public EngineApi api() {
        return new EngineApi(socket());
    }

    /** The running daemon's pid; an {@link IllegalStateException} when it is not running. */
    public long pid() {
        if (!running()) throw new IllegalStateException("the engine at " + root + " is not running");
        return process.pid();
    }

    /** True while the dockerd this started is alive (it may not answer yet, or any more). */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the daemon again on the same folders after {@link #stop} or {@link #kill}, and waits until it answers. */
    public void start() {
        if (running()) throw new IllegalStateException("the engine at " + root + " is already running (pid " + process.pid() + ")");
        startDaemon();
    }

    /** SIGTERM, as {@code systemctl stop docker}: the daemon stops its containers and ends; waits until it has. */
    public void stop() {
        signal(false);
    }

    /**
     * SIGKILL, as a crashed daemon: its containers' shims and processes outlive it, and the next {@link #start}
     * (without {@code --live-restore}) stops them as {@code docker stop} would, so that start takes up to the
     * longest stop timeout among them (10 s for a shell that ignores SIGTERM; give test containers
     * {@code StopTimeout: 1} or a {@code stop_grace_period} to keep it short).
     */
    public void kill() {
        signal(true);
    }

    /** {@link #stop} (when running) then {@link #start}. */
    public void restart() {
        if (running()) stop();
        startDaemon();
    }

    /**
     * Streams {@code reference} from the main engine (the one {@link RealEngine} connects to) into this one
     * ({@link ImageCopy}: save there, load here); returns what this engine says it loaded.
     */
    public List<String> loadImage(String reference) {
        try (Engine main = RealEngine.connect(); Engine own = connect()) {
            return ImageCopy.copy(main, reference, own);
        }
    }

    /** {@link #loadImage} of {@link RealEngine#BASE_IMAGE}, which engine tests run. */
    public void loadBaseImage() {
        loadImage(RealEngine.BASE_IMAGE);
    }

    /** The last {@code lines} lines of the daemon's log, for a failure message. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops the daemon and removes everything it made: its containers and networks (so their bridges and
     * namespaces go), then, after it ended, any process and mount left inside {@link #root()}, then the folder.
     * A killed daemon is started once more first, so that it ends its containers' shims itself.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs the same clean-up
        }
        cleanUp();
    }

    /**
     * SIGKILL and removal of the folder with what is left inside it, without a graceful purge: for a swarm bed torn
     * down as a whole, whose nodes' networks live in namespaces that go with it.
     */
    void discard() {
        if (closed) return;
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
        if (running()) process.toHandle().destroyForcibly();
        if (process != null) process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        HostState.removeInside(root);
        HostState.removeNamespace(namespace);
    }

    private void cleanUp() {
        try {
            if (!running() && Files.exists(dataRoot())) {
                try {
                    startDaemon();
                } catch (RuntimeException | AssertionError e) {
                    // it will not come up: what it left is removed by hand below
                }
            }
            if (running()) {
                purge();
                signal(false);
            }
        } catch (RuntimeException | AssertionError e) {
            if (running()) signal(true);
        } finally {
            HostState.removeInside(root);
            HostState.removeNamespace(namespace);
        }
    }

    /** Leaves a swarm, removes every container and every network the daemon did not make itself. */
    private void purge() {
        EngineApi api = api();
        if (!api.ping()) return;
        api.post("/swarm/leave?force=true", null); // not in a swarm: a 503 that says so, which is fine
        for (var c : api.expect("GET", "/containers/json?all=true", null)) {
            api.delete("/containers/" + c.get("Id").asText() + "?force=true&v=true");
        }
        for (var n : api.expect("GET", "/networks", null)) {
            String name = n.get("Name").asText();
            if (!List.of("bridge", "host", "none").contains(name)) api.delete("/networks/" + n.get("Id").asText());
        }
    }

    private void startDaemon() {
        awaitOldContainerd();
        try {
            Files.deleteIfExists(root.resolve("dockerd.pid")); // a killed daemon's; dockerd refuses to start over a live one's
            Files.deleteIfExists(socket());
            List<String> command = new ArrayList<>(options.launcher());
            command.addAll(List.of("setsid", "dockerd",
                    "--data-root=" + dataRoot(),
                    "--exec-root=" + execRoot(),
                    "--pidfile=" + root.resolve("dockerd.pid"),
                    "--config-file=" + root.resolve("daemon.json"),
                    "-H", host(),
                    "--bridge=" + bridge, "--iptables=false", "--ip-masq=false",
                    "--default-address-pool=base=" + options.addressPool() + ",size=24",
                    "--shutdown-timeout=10"));
            command.addAll(options.extraArgs());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd (is docker.io installed? scripts/engine.sh installs it): " + e.getMessage(), e);
        }
        EngineApi api = api();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!api.ping()) {
            if (!process.isAlive()) {
                throw new AssertionError("dockerd at " + root + " ended with " + process.exitValue() + " before answering:\n" + logTail(20));
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new AssertionError("dockerd at " + root + " did not answer within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail(20));
            }
            sleep(500);
        }
    }

    private void signal(boolean kill) {
        if (!running()) throw new IllegalStateException("the engine at " + root + " is not running");
        ProcessHandle handle = process.toHandle();
        if (kill) handle.destroyForcibly();
        else handle.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            handle.destroyForcibly();
            throw new AssertionError("dockerd at " + root + " did not end within " + STOP_TIMEOUT.toSeconds() + " s of "
                    + (kill ? "SIGKILL" : "SIGTERM") + ":\n" + logTail(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The containerd a killed daemon started ends a moment after it (its parent-death signal), and then stays a
     * zombie until the host's init reaps it, which here takes some ten seconds. A daemon started meanwhile finds it
     * "still running" by its pid file (a zombie answers signal 0), waits on its dead socket and fails. So a start
     * waits until that containerd has ended (killing it when it is still a live containerd of this root after ten
     * seconds) and then removes its pid file, so that the daemon starts a containerd of its own.
     */
    private void awaitOldContainerd() {
        Path pidFile = execRoot().resolve("containerd/containerd.pid");
        long pid;
        try {
            if (!Files.exists(pidFile)) return;
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            return;
        }
        Instant killAt = Instant.now().plusSeconds(10);
        Instant giveUpAt = killAt.plusSeconds(10);
        while (HostState.alive(pid) && Instant.now().isBefore(giveUpAt)) {
            if (Instant.now().isAfter(killAt)) {
                ProcessHandle.of(pid)
                        .filter(p -> p.info().commandLine().map(c -> c.contains(root + "/")).orElse(false))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
            sleep(50);
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
