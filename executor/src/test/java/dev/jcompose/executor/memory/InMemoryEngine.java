package dev.jcompose.executor.memory;

import dev.jcompose.executor.ArchiveReader;
import dev.jcompose.executor.ContainerPath;
import dev.jcompose.executor.ContainerProcesses;
import dev.jcompose.executor.ContainerStatus;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineEvent;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineInfo;
import dev.jcompose.executor.ExecSpec;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.NetworkInUseException;
import dev.jcompose.executor.StatsSample;
import dev.jcompose.executor.TerminalSize;
import dev.jcompose.executor.VolumeSummary;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedImage;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.observed.PublishedPort;
import dev.jcompose.planner.spec.BuildSpec;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An engine held in memory, for tests of everything above the {@link Engine} interface: it keeps containers,
 * networks, volumes and images with the engine's rules that matter to compose (names are unique, a network in use
 * cannot be removed, a missing image cannot be run), records every call, and fails the calls it is told to.
 * Thread-safe, as the executor calls it from several threads.
 */
public final class InMemoryEngine implements Engine {
    private final Map<String, ObservedContainer> containers = new TreeMap<>();
    private final Map<String, ContainerSpec> specs = new TreeMap<>();
    private final Map<String, ObservedNetwork> networks = new TreeMap<>();
    private final Map<String, ObservedVolume> volumes = new TreeMap<>();
    /** Image reference to id. */
    private final Map<String, String> images = new TreeMap<>();
    /** Image id to its labels, for the images a build made. */
    private final Map<String, SortedMap<String, String>> imageLabels = new TreeMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Script> scripts = new TreeMap<>();
    private final Map<String, CountDownLatch> stops = new TreeMap<>();
    private Predicate<String> failing = call -> false;
    private int nextId = 1;
    private long clock = 1_700_000_000L;
    private final InMemorySwarm swarm = new InMemorySwarm(this::imageExists);

    public InMemoryEngine withImages(String... refs) {
        synchronized (this) {
            for (String r : refs) images.put(r, "sha256:" + r);
        }
        return this;
    }

    /** Makes every call whose description (as in {@link #calls()}) matches fail with an engine error. */
    public synchronized InMemoryEngine failing(Predicate<String> which) {
        this.failing = which;
        return this;
    }

    /** Every call that changed something, as {@code "create container demo-web-1"}, in the order made. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public synchronized Optional<ContainerSpec> spec(String container) {
        return Optional.ofNullable(specs.get(container));
    }

    /** Puts a container directly, as if another tool had made it. */
    public synchronized void put(ObservedContainer c) {
        containers.put(c.name(), c);
    }

    private synchronized void record(String call) {
        calls.add(call);
        if (failing.test(call)) throw new EngineException(call + ": injected failure");
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo("in-memory", "1.41", "memory://");
    }

    @Override
    public synchronized List<ObservedContainer> containers(String project) {
        List<String> names = containers.values().stream().filter(c -> project.equals(c.project())).map(ObservedContainer::name).toList();
        return names.stream().map(this::listed).toList();
    }

    /**
     * A container as the engine's listing shows it: a scripted one has run its course (as {@link #inspect} says), and
     * a running one's status carries its health, as "Up 3 seconds (healthy)" does.
     */
    private ObservedContainer listed(String name) {
        ObservedContainer c = containers.get(name);
        Script script = scripts.get(name);
        if (script != null && c.running()) {
            setState(name, "exited", "Exited (" + script.exitCode() + ")");
            c = containers.get(name);
        }
        String health = healths.get(name);
        if (health == null || !c.state().equals("running")) return c;
        String shown = health.equals("starting") ? "health: starting" : health;
        return new ObservedContainer(c.id(), c.name(), c.image(), c.imageId(), c.command(), c.created(), c.state(),
                c.status() + " (" + shown + ")", c.labels(), c.ports(), c.volumeMounts());
    }

    @Override
    public synchronized List<ObservedNetwork> networks() {
        return List.copyOf(networks.values());
    }

    @Override
    public synchronized List<ObservedVolume> volumes(String project) {
        return volumes.values().stream().filter(v -> project.equals(v.project())).toList();
    }

    @Override
    public synchronized Optional<ObservedVolume> volume(String name) {
        return Optional.ofNullable(volumes.get(name));
    }

    @Override
    public synchronized Optional<ObservedImage> image(String reference) {
        String id = images.containsKey(reference) ? images.get(reference) : images.containsValue(reference) ? reference : null;
        if (id == null) return Optional.empty();
        List<String> tags = images.entrySet().stream().filter(i -> i.getValue().equals(id)).map(Map.Entry::getKey).toList();
        return Optional.of(new ObservedImage(id, tags, imageLabels.getOrDefault(id, new TreeMap<>()), 0, 0));
    }

    @Override
    public synchronized void pushImage(String reference) {
        record("push image " + reference);
        throw new EngineException("push image " + reference + ": no registry answers (in-memory engine)");
    }

    /** One more name for an image (by name or id); an unknown one is the engine's 404. */
    @Override
    public synchronized void tagImage(String image, String repository, String tag) {
        record("tag image " + image + " as " + repository + ":" + tag);
        String id = images.containsKey(image) ? images.get(image) : images.containsValue(image) ? image : null;
        if (id == null) throw new EngineException("tag image " + image + ": No such image: " + image);
        images.put(repository + ":" + tag, id);
    }

    /**
     * Reads the whole context (so a broken stream shows), then tags a new image id with every tag; fails, tagging
     * nothing, when told to.
     */
    @Override
    public String buildImage(BuildSpec spec, String dockerfile, InputStream context,
                             Consumer<String> output) {
        long bytes;
        try {
            bytes = context.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new EngineException("build image " + spec.image() + ": " + e.getMessage());
        }
        synchronized (this) {
            record("build image " + spec.image());
            String id = "sha256:built-" + nextId++;
            output.accept("Successfully built " + id + " from " + bytes + " bytes of context");
            for (String tag : spec.tags()) images.put(tag, id);
            imageLabels.put(id, new TreeMap<>(spec.labels()));
            return id;
        }
    }

    @Override
    public synchronized List<ObservedImage> images(String project) {
        List<ObservedImage> out = new ArrayList<>();
        for (var e : imageLabels.entrySet()) {
            if (!project.equals(e.getValue().get(Labels.PROJECT))) continue;
            List<String> tags = images.entrySet().stream().filter(i -> i.getValue().equals(e.getKey())).map(Map.Entry::getKey).toList();
            out.add(new ObservedImage(e.getKey(), tags, e.getValue(), 0, 0));
        }
        return out;
    }

    /** An attached container runs like {@code cat} (unless scripted): it echoes its input and exits 0 when it ends. */
    @Override
    public LogFollower attach(String container, boolean tty, InputStream stdin, Consumer<byte[]> stdout,
                              Consumer<byte[]> stderr) {
        synchronized (this) {
            record("attach to " + container);
            if (!containers.containsKey(container)) throw new EngineException("No such container: " + container);
        }
        if (stdin != null) {
            try {
                byte[] input = stdin.readAllBytes();
                if (input.length > 0) stdout.accept(input);
            } catch (IOException e) {
                throw new EngineException("attach to " + container + ": " + e.getMessage());
            }
        }
        synchronized (this) {
            scripts.putIfAbsent(container, new Script(List.of(), 0));
        }
        return new LogFollower() {
            @Override
            public void awaitEnd(long millis) { }

            @Override
            public void close() { }
        };
    }

    /** Echoes the command line to stdout and exits 0, in a running container; fails as the engine does otherwise. */
    @Override
    public synchronized int exec(String container, ExecSpec spec, InputStream stdin,
                                 Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        record("exec " + container + " " + String.join(" ", spec.command()));
        ObservedContainer c = containers.get(container);
        if (c == null) throw new EngineException("No such container: " + container);
        if (!c.state().equals("running")) throw new EngineException("container " + container + " is not running");
        if (!spec.detach()) stdout.accept((String.join(" ", spec.command()) + "\n").getBytes(StandardCharsets.UTF_8));
        return 0;
    }

    @Override
    public synchronized void removeImage(String reference) {
        record("remove image " + reference);
        String id = images.containsKey(reference) ? images.get(reference) : reference;
        for (ObservedContainer c : containers.values()) {
            if (id.equals(c.imageId()) && (reference.equals(id) || images.values().stream().filter(id::equals).count() == 1)) {
                throw new EngineException("conflict: unable to remove " + reference + ": image is being used by container " + c.name());
            }
        }
        if (images.remove(reference) == null) images.values().removeIf(id::equals);
        if (!images.containsValue(id)) imageLabels.remove(id);
    }

    /**
     * Writes a stand-in for a {@code docker save} tar: a header line, then the reference and its image id, which
     * {@link #loadImage} of this or another in-memory engine reads back.
     */
    @Override
    public synchronized void saveImage(String reference, OutputStream out) {
        if (!images.containsKey(reference)) throw new EngineException("save image " + reference + ": No such image: " + reference);
        try {
            out.write((SAVED + "\n" + reference + "\t" + images.get(reference) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EngineException("save image " + reference + ": " + e.getMessage());
        }
    }

    @Override
    public List<String> loadImage(InputStream tar) {
        String[] lines;
        try {
            lines = new String(tar.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        } catch (IOException e) {
            throw new EngineException("load image: " + e.getMessage());
        }
        synchronized (this) {
            record("load image");
            if (lines.length != 2 || !lines[0].equals(SAVED) || lines[1].indexOf('\t') < 0) {
                throw new EngineException("load image: unexpected EOF (not a tar this in-memory engine saved)");
            }
            String[] entry = lines[1].split("\t", 2);
            images.put(entry[0], entry[1]);
            return List.of(entry[0]);
        }
    }

    /** The first line of what {@link #saveImage} writes. */
    private static final String SAVED = "jcompose in-memory image";

    @Override
    public synchronized void pullImage(String reference, String platform) {
        record("pull image " + reference);
        if (!registry.contains(reference)) {
            throw new EngineException("pull image " + reference + ": no registry answers (in-memory engine)");
        }
        images.put(reference, "sha256:" + reference);
    }

    /** Images a pull finds (in a registry of the test's imagination); every other pull fails, as with no registry. */
    private final Set<String> registry = new TreeSet<>();

    public synchronized InMemoryEngine withRegistry(String... refs) {
        registry.addAll(List.of(refs));
        return this;
    }

    @Override
    public synchronized void createNetwork(NetworkSpec spec) {
        record("create network " + spec.name());
        if (networks.containsKey(spec.name())) throw new EngineException("network with name " + spec.name() + " already exists");
        networks.put(spec.name(), new ObservedNetwork("net" + nextId++, spec.name(), spec.driver() == null ? "bridge" : spec.driver(), spec.labels()));
    }

    @Override
    public synchronized void removeNetwork(String name) {
        record("remove network " + name);
        List<String> attached = specs.values().stream().filter(s -> s.networks().containsKey(name)).map(ContainerSpec::name).sorted().toList();
        if (!attached.isEmpty()) throw new NetworkInUseException(name, attached);
        networks.remove(name);
    }

    @Override
    public synchronized void connectNetwork(String network, String container, ContainerSpec.NetworkAttachment attachment) {
        record("connect " + container + " to network " + network);
        if (!networks.containsKey(network)) throw new EngineException("network " + network + " not found");
        ContainerSpec spec = specs.get(container);
        if (spec == null) throw new EngineException("No such container: " + container);
        Map<String, ContainerSpec.NetworkAttachment> next = new LinkedHashMap<>(spec.networks());
        next.put(network, attachment);
        specs.put(container, withNetworks(spec, next));
    }

    @Override
    public synchronized void disconnectNetwork(String network, String container) {
        record("disconnect " + container + " from network " + network);
        ContainerSpec spec = specs.get(container);
        if (spec == null) throw new EngineException("No such container: " + container);
        Map<String, ContainerSpec.NetworkAttachment> next = new LinkedHashMap<>(spec.networks());
        next.remove(network);
        specs.put(container, withNetworks(spec, next));
    }

    private static ContainerSpec withNetworks(ContainerSpec s, Map<String, ContainerSpec.NetworkAttachment> networks) {
        return new ContainerSpec(s.name(), s.service(), s.number(), s.image(), s.command(), s.entrypoint(), s.environment(),
                s.labels(), s.ports(), s.mounts(), networks, s.restartPolicy(), s.workingDir(), s.user(), s.hostname(), s.init(),
                s.tty(), s.stdinOpen(), s.healthcheck(), s.resources(), s.options(), s.files());
    }

    @Override
    public synchronized void createVolume(VolumeSpec spec) {
        record("create volume " + spec.name());
        volumes.putIfAbsent(spec.name(), new ObservedVolume(spec.name(), spec.driver() == null ? "local" : spec.driver(), spec.labels()));
    }

    @Override
    public synchronized void removeVolume(String name) {
        record("remove volume " + name);
        volumes.remove(name);
    }

    @Override
    public synchronized List<String> createContainer(ContainerSpec spec) {
        record("create container " + spec.name());
        if (containers.containsKey(spec.name())) {
            throw new EngineException("Conflict. The container name \"/" + spec.name() + "\" is already in use");
        }
        if (!images.containsKey(spec.image())) throw new EngineException("No such image: " + spec.image());
        for (String n : spec.networks().keySet()) {
            if (!networks.containsKey(n)) throw new EngineException("network " + n + " not found");
        }
        List<PublishedPort> ports = new ArrayList<>();
        for (ContainerSpec.PortBinding p : spec.ports()) {
            ports.add(new PublishedPort(p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp(), p.hostPort(), p.containerPort(), p.protocol()));
        }
        String command = spec.command() == null ? "" : String.join(" ", spec.command());
        TreeMap<String, String> volumes = new TreeMap<>();
        for (ContainerSpec.MountSpec m : spec.mounts()) {
            if (m.type().equals("volume")) volumes.put(m.target(), m.source() != null ? m.source() : "anon" + nextId + m.target().replace('/', '-'));
        }
        containers.put(spec.name(), new ObservedContainer("c" + nextId++, spec.name(), spec.image(), images.get(spec.image()), command, clock++,
                "created", "Created", spec.labels(), ports, volumes));
        specs.put(spec.name(), spec);
        return List.of();
    }

    @Override
    public synchronized void startContainer(String name) {
        record("start container " + name);
        setState(name, "running", "Up 1 second");
    }

    @Override
    public synchronized void stopContainer(String name, int timeoutSeconds) {
        record("stop container " + name);
        setState(name, "exited", "Exited (0) 1 second ago");
        stops.computeIfAbsent(name, k -> new CountDownLatch(1)).countDown();
    }

    /** Any signal ends the container, as SIGKILL would; one not running is refused, as the engine refuses it. */
    @Override
    public synchronized void killContainer(String name, String signal) {
        record("kill container " + name + " with " + signal);
        ObservedContainer c = containers.get(name);
        if (c == null) throw new EngineException("No such container: " + name);
        if (!c.running()) throw new EngineException("cannot kill container " + name + ": container is not running");
        setState(name, "exited", "Exited (137) 1 second ago");
        stops.computeIfAbsent(name, k -> new CountDownLatch(1)).countDown();
    }

    @Override
    public synchronized void renameContainer(String from, String to) {
        record("rename container " + from + " to " + to);
        if (containers.containsKey(to)) throw new EngineException("Conflict. The container name \"/" + to + "\" is already in use");
        ObservedContainer c = containers.remove(from);
        if (c == null) throw new EngineException("No such container: " + from);
        containers.put(to, c.withName(to));
        ContainerSpec spec = specs.remove(from);
        if (spec != null) specs.put(to, spec.withName(to));
    }

    @Override
    public synchronized void pauseContainer(String name) {
        record("pause container " + name);
        setState(name, "paused", "Up 1 second (Paused)");
    }

    @Override
    public synchronized void unpauseContainer(String name) {
        record("unpause container " + name);
        setState(name, "running", "Up 1 second");
    }

    @Override
    public synchronized List<ObservedContainer> allProjectContainers() {
        return containers.values().stream().filter(c -> c.project() != null).toList();
    }

    @Override
    public synchronized void restartContainer(String name, int timeoutSeconds) {
        record("restart container " + name);
        setState(name, "running", "Up 1 second");
    }

    @Override
    public synchronized void removeContainer(String name, boolean removeVolumes) {
        record("remove container " + name);
        ObservedContainer c = containers.remove(name);
        specs.remove(name);
        if (c == null) return;
        if (c.running()) {
            containers.put(name, c);
            throw new EngineException("cannot remove a running container " + name);
        }
    }

    private void setState(String name, String state, String status) {
        ObservedContainer c = containers.get(name);
        if (c == null) throw new EngineException("No such container: " + name);
        containers.put(name, new ObservedContainer(c.id(), c.name(), c.image(), c.imageId(), c.command(), c.created(), state, status, c.labels(), c.ports(), c.volumeMounts()));
    }

    /**
     * What a container prints and how it ends once started: it exits by itself with {@code exitCode} after
     * printing. Containers with no script run until stopped.
     */
    public synchronized InMemoryEngine script(String container, int exitCode, String... lines) {
        scripts.put(container, new Script(List.of(lines), exitCode));
        return this;
    }

    private record Script(List<String> lines, int exitCode) {}

    /** When a scripted container logged its line {@code i}: a second apart, from a fixed start, so tests can pick. */
    public static Instant loggedAt(int i) {
        return Instant.ofEpochSecond(1_700_000_000L + i);
    }

    /** A scripted container's lines, the i-th logged at {@link #loggedAt}; others have logged nothing. */
    @Override
    public LogFollower logs(String container, LogOptions options, Consumer<LogLine> lines) {
        Script script;
        synchronized (this) {
            if (!containers.containsKey(container)) throw new EngineException("No such container: " + container);
            script = scripts.get(container);
        }
        List<String> logged = script == null ? List.of() : script.lines();
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < logged.size(); i++) {
            Instant at = loggedAt(i);
            if (options.since() != null && at.isBefore(options.since())) continue;
            if (options.until() != null && at.isAfter(options.until())) continue;
            picked.add(options.timestamps() ? DateTimeFormatter.ISO_INSTANT.format(at) + " " + logged.get(i) : logged.get(i));
        }
        int from = options.tail() == null ? 0 : Math.max(0, picked.size() - options.tail());
        // a scripted container prints on its standard output only
        picked.subList(from, picked.size()).forEach(text -> lines.accept(new LogLine(LogLine.Stream.STDOUT, text)));
        return new LogFollower() {
            public void awaitEnd(long millis) { }
            public void close() { }
        };
    }

    /** Health as a scripted container reports it: set with {@link #health}. */
    private final Map<String, String> healths = new TreeMap<>();

    public synchronized InMemoryEngine health(String container, String status) {
        healths.put(container, status);
        return this;
    }

    @Override
    public synchronized ContainerStatus inspect(String container) {
        ObservedContainer c = containers.get(container);
        if (c == null) throw new EngineException("No such container: " + container);
        Script script = scripts.get(container);
        if (script != null && c.running()) {
            // a scripted container has run its course by the time anyone looks
            setState(container, "exited", "Exited (" + script.exitCode() + ")");
            c = containers.get(container);
        }
        return new ContainerStatus(c.state(), healths.get(container), c.running() ? null : script == null ? 0 : script.exitCode());
    }

    /** The titles {@code ps -ef} gives, which the engine's top call passes on. */
    private static final List<String> PS_TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");

    /** A running container runs one process, its command, as PID 1; one not running is refused, as the engine refuses it. */
    @Override
    public synchronized ContainerProcesses top(String container) {
        ObservedContainer c = containers.get(container);
        if (c == null) throw new EngineException("No such container: " + container);
        if (!c.running()) throw new EngineException("top of container " + container + ": container " + container + " is not running");
        return new ContainerProcesses(PS_TITLES, List.of(List.of("root", "1", "0", "0", "00:00", "?", "00:00:00", c.command())));
    }

    @Override
    public void resizeContainer(String container, TerminalSize size) {
        record("resize container " + container + " to " + size.rows() + "x" + size.columns());
    }

    @Override
    public int waitContainer(String container) {
        Script script;
        CountDownLatch stopped;
        synchronized (this) {
            script = scripts.get(container);
            stopped = stops.computeIfAbsent(container, k -> new CountDownLatch(1));
        }
        if (script != null) {
            synchronized (this) {
                if (containers.containsKey(container)) setState(container, "exited", "Exited (" + script.exitCode() + ")");
            }
            return script.exitCode();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 137;
    }

    private final InMemoryFiles files = new InMemoryFiles();
    private final List<EngineEvent> events = new ArrayList<>();

    @Override
    public synchronized Optional<ContainerPath> statPath(String container, String path) {
        existing(container);
        return files.stat(container, path);
    }

    @Override
    public void copyFromContainer(String container, String path, ArchiveReader reader) {
        byte[] tar;
        ContainerPath stat;
        synchronized (this) {
            existing(container);
            tar = files.tarOf(container, path);
            stat = files.stat(container, path).orElseThrow();
        }
        try {
            reader.read(stat, new ByteArrayInputStream(tar));
        } catch (IOException e) {
            throw new EngineException("copy from " + container + ":" + path + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void copyToContainer(String container, String directory, InputStream tar, boolean copyUidGid) {
        record("copy to container " + container + ":" + directory + (copyUidGid ? " with owners" : ""));
        existing(container);
        files.extract(container, directory, tar);
    }

    /** A file in a container, for a test to copy from. */
    public synchronized void writeFile(String container, String path, String content) {
        files.write(container, path, content == null ? null : content.getBytes(StandardCharsets.UTF_8));
    }

    /** A file's content in a container, or null when there is none there. */
    public synchronized String readFile(String container, String path) {
        byte[] b = files.read(container, path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private void existing(String container) {
        if (!containers.containsKey(container)) throw new EngineException("No such container: " + container);
    }

    /** An event the engine will report to {@link #events} (the in-memory engine makes none itself). */
    public synchronized void emit(EngineEvent event) {
        events.add(event);
    }

    /**
     * The events emitted with the project's label in [since, until]; with an until, the handle has ended when this
     * returns, without one it waits to be closed, as the engine's stream does.
     */
    @Override
    public LogFollower events(String project, Instant since, Instant until, Consumer<EngineEvent> consumer) {
        List<EngineEvent> matching;
        synchronized (this) {
            matching = events.stream().filter(e -> project.equals(e.attributes().get(Labels.PROJECT)))
                    .filter(e -> since == null || !e.time().isBefore(since))
                    .filter(e -> until == null || !e.time().isAfter(until)).toList();
        }
        matching.forEach(consumer);
        CountDownLatch closed = new CountDownLatch(until != null ? 0 : 1);
        return new LogFollower() {
            @Override
            public void awaitEnd(long millis) {
                try {
                    closed.await(millis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
    }

    /** A running container's fixed counters (a tenth of a CPU of two, 10 MiB of 1 GiB...); a stopped one's are zeros, as the engine's. */
    @Override
    public synchronized StatsSample stats(String container) {
        ObservedContainer c = containers.get(container);
        if (c == null) throw new EngineException("No such container: " + container);
        if (!c.running()) return new StatsSample(c.id(), c.name(), 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0);
        return new StatsSample(c.id(), c.name(), 2_100_000_000L, 2_000_000_000L, 21_000_000_000L, 19_000_000_000L, 2,
                12L << 20, 2L << 20, 1L << 30, 1_500, 750, 4096, 0, 1);
    }

    @Override
    public synchronized List<VolumeSummary> volumeSummaries(String project) {
        return volumes(project).stream().map(v -> new VolumeSummary(v.name(), v.driver(), "local",
                "/var/lib/docker/volumes/" + v.name() + "/_data", v.labels())).toList();
    }

    /** The label a container of the engine carries, for assertions. */
    public synchronized String label(String container, String label) {
        ObservedContainer c = containers.get(container);
        return c == null ? null : c.labels().get(label);
    }

    /** Convenience for tests: the names of the project's containers that are running. */
    public synchronized List<String> running(String project) {
        return containers.values().stream().filter(c -> project.equals(c.labels().get(Labels.PROJECT)) && c.running())
                .map(ObservedContainer::name).toList();
    }

    /** The swarm half: a single-node swarm this engine manages, its images the node's. */
    @Override
    public InMemorySwarm swarm() {
        return swarm;
    }

    @Override
    public void close() {
        // nothing held
    }
}
