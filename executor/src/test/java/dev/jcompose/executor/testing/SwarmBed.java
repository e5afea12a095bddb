package dev.jcompose.executor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A multi-node Docker swarm on this machine: N dockerds ({@link OwnEngine}s), each in a network namespace of its
 * own ({@code jcb-node-N}, address {@code 10.231.0.1N} on a private /24, see {@link BedNetwork}) and a UTS namespace
 * (hostname {@code node-N}), with its own data root, exec root and unix socket under {@code /tmp/jcompose-swarm-bed/}
 * (the host reaches every node by its socket). Node 1 is the manager ({@code swarm init}); the others join with the
 * worker token. Every node is started with {@code --insecure-registry=}{@value #REGISTRY} ({@code scripts/registry.sh})
 * and carries the node label {@code bed.node=node-N} for placement; {@link #label} adds more.
 *
 * <p>What the bed holds and what it does not: overlay networks work across nodes (VXLAN between the namespaces
 * carries traffic: DNS {@code tasks.<service>}, ping and TCP between tasks on different nodes); this kernel has no
 * IPVS, so services use {@code endpoint_mode: dnsrr} and {@code ports: mode: host} (a VIP service's tasks start but
 * its virtual IP does not route, and the ingress mesh is absent). Nodes have no images at first: a task on a node
 * without its image is rejected ("No such image"), as on a real swarm without a registry; {@link #loadImage} streams
 * one from the main engine.
 *
 * <pre>{@code
 * @BeforeAll static void bed() { bed = SwarmBed.start(3); }     // ~5 s; one per test class
 * @AfterAll static void down() { bed.close(); }                  // ~1 s; nothing left
 * ... run jcompose with bed.env() (the manager's DOCKER_HOST) ...
 * }</pre>
 *
 * <p>One bed at a time on the host: {@link #start} takes a lock file ({@code /tmp/jcompose-swarm-bed.lock}) that
 * other JVMs wait on, and under it removes whatever a bed that crashed left (its namespaces, processes, mounts). It
 * needs root (network namespaces) and iproute2, nsenter and unshare (util-linux). It never touches the main engine.
 */
public final class SwarmBed implements AutoCloseable {
    /** The registry's address as the nodes reach it ({@code scripts/registry.sh}). */
    public static final String REGISTRY = BedNetwork.HOST_ADDRESS + ":5000";
    /** The node label each node carries: {@code bed.node=node-N}. */
    public static final String NODE_LABEL = "bed.node";
    private static final Path ROOT = Path.of("/tmp/jcompose-swarm-bed");
    private static final Path LOCK = Path.of("/tmp/jcompose-swarm-bed.lock");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final BedNetwork network;
    private final List<Node> nodes;
    private final Duration upTime;
    private boolean closed;

    /**
     * One node of the bed.
     *
     * @param name    {@code node-N}, its hostname and {@code bed.node} label
     * @param address its address on the bed's /24 (its swarm advertise address)
     * @param id      its swarm node id
     */
    public record Node(String name, String address, boolean manager, String id, OwnEngine engine) {
        /** {@code DOCKER_HOST} of this node's engine. */
        public Map<String, String> env() {
            return engine.env();
        }

        public EngineApi api() {
            return engine.api();
        }
    }

    private SwarmBed(FileChannel lockChannel, FileLock lock, BedNetwork network, List<Node> nodes, Duration upTime) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.network = network;
        this.nodes = List.copyOf(nodes);
        this.upTime = upTime;
    }

    /** A bed of three nodes: one manager, two workers. */
    public static SwarmBed start() {
        return start(3);
    }

    /**
     * Starts {@code count} nodes (the first the manager) and returns once every one is {@code Ready} in the swarm;
     * anything that fails on the way is an {@link AssertionError} saying what, and what was made is removed.
     */
    public static SwarmBed start(int count) {
        if (count < 1 || count > 9) throw new IllegalArgumentException("1 to 9 nodes, not " + count);
        Instant began = Instant.now();
        FileChannel channel;
        try {
            channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("swarm bed: cannot open " + LOCK, e);
        }
        FileLock lock;
        try {
            lock = channel.lock(); // waits for a bed another JVM holds
        } catch (OverlappingFileLockException | IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the failure below says what matters
            }
            throw new AssertionError(e instanceof OverlappingFileLockException
                    ? "swarm bed: this JVM already holds a bed; close it first (one bed at a time per host)"
                    : "swarm bed: cannot take " + LOCK + ": " + e.getMessage(), e);
        }
        removeLeftovers();
        BedNetwork network = null;
        List<OwnEngine> engines = new ArrayList<>();
        try {
            network = BedNetwork.open();
            for (int n = 1; n <= count; n++) network.addNode(n);
            List<CompletableFuture<OwnEngine>> starting = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                int node = n;
                starting.add(CompletableFuture.supplyAsync(() -> OwnEngine.launch(nodeOptions(node))));
            }
            for (var s : starting) {
                try {
                    engines.add(s.join());
                } catch (RuntimeException e) {
                    // the others are collected first, so that all are removed below
                    engines.add(null);
                }
            }
            if (engines.contains(null)) {
                for (var s : starting) s.join(); // rethrows the first failure, with its log tail
            }
            List<Node> nodes = join(engines);
            Duration up = Duration.between(began, Instant.now());
            System.out.println("swarm bed: " + count + " nodes Ready in " + up.toMillis() + " ms");
            return new SwarmBed(channel, lock, network, nodes, up);
        } catch (RuntimeException | AssertionError e) {
            for (OwnEngine engine : engines) if (engine != null) engine.discard();
            if (network != null) network.close();
            release(channel, lock);
            throw e;
        }
    }

    private static OwnEngine.Options nodeOptions(int n) {
        String name = "node-" + n;
        return OwnEngine.Options.named(name)
                .inFolder(ROOT.resolve(name))
                // the network namespace only (ip netns exec would also remount /sys, hiding the cgroup mount
                // dockerd needs); a UTS namespace of its own for the node's hostname
                .withLauncher("nsenter", "--net=" + BedNetwork.namespacePath(n), "unshare", "--uts",
                        "sh", "-c", "hostname \"$0\" && exec \"$@\"", name)
                .withArgs("--insecure-registry=" + REGISTRY, "--label=" + NODE_LABEL + "=" + name)
                .withAddressPool("10.232.0.0/16"); // inside the node's namespace: no host route can clash
    }

    /** swarm init on the first, join of the others, wait until all are Ready, and the node labels. */
    private static List<Node> join(List<OwnEngine> engines) {
        EngineApi manager = engines.get(0).api();
        String managerAddress = BedNetwork.address(1);
        manager.expect("POST", "/swarm/init", Map.of(
                "ListenAddr", managerAddress + ":2377", "AdvertiseAddr", managerAddress));
        String token = manager.expect("GET", "/swarm", null).at("/JoinTokens/Worker").asText();
        for (int i = 1; i < engines.size(); i++) {
            String address = BedNetwork.address(i + 1);
            engines.get(i).api().expect("POST", "/swarm/join", Map.of(
                    "ListenAddr", address + ":2377", "AdvertiseAddr", address,
                    "RemoteAddrs", List.of(managerAddress + ":2377"), "JoinToken", token));
        }
        await("all " + engines.size() + " nodes Ready", READY_TIMEOUT, () -> {
            JsonNode list = manager.expect("GET", "/nodes", null);
            int ready = 0;
            for (JsonNode n : list) if (n.at("/Status/State").asText().equals("ready")) ready++;
            return ready == engines.size();
        });
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) {
            String id = engines.get(i).api().expect("GET", "/info", null).at("/Swarm/NodeID").asText();
            Node node = new Node("node-" + (i + 1), BedNetwork.address(i + 1), i == 0, id, engines.get(i));
            nodes.add(node);
            updateLabels(manager, id, Map.of(NODE_LABEL, node.name()));
        }
        return nodes;
    }

    /** The nodes, manager first. */
    public List<Node> nodes() {
        return nodes;
    }

    public Node manager() {
        return nodes.get(0);
    }

    public List<Node> workers() {
        return nodes.subList(1, nodes.size());
    }

    /** {@code DOCKER_HOST} of the manager: where jcompose deploys. */
    public Map<String, String> env() {
        return manager().env();
    }

    /** How long {@link #start} took, from taking the lock to every node Ready. */
    public Duration upTime() {
        return upTime;
    }

    /** Adds a node label ({@code docker node update --label-add key=value}). */
    public void label(Node node, String key, String value) {
        updateLabels(manager().api(), node.id(), Map.of(key, value));
    }

    private static void updateLabels(EngineApi manager, String nodeId, Map<String, String> labels) {
        JsonNode current = manager.expect("GET", "/nodes/" + nodeId, null);
        ObjectNode spec = (ObjectNode) current.get("Spec").deepCopy();
        ObjectNode merged = spec.has("Labels") && spec.get("Labels").isObject() ? (ObjectNode) spec.get("Labels") : JSON.createObjectNode();
        labels.forEach(merged::put);
        spec.set("Labels", merged);
        manager.expect("POST", "/nodes/" + nodeId + "/update?version=" + current.at("/Version/Index").asLong(), spec.toString());
    }

    /** Streams an image from the main engine into each of {@code targets} (all nodes when none is named). */
    public void loadImage(String reference, Node... targets) {
        for (Node node : targets.length == 0 ? nodes : List.of(targets)) node.engine().loadImage(reference);
    }

    /**
     * Tears the bed down: every node's daemon is killed (the swarm goes with them; nothing of it needs to be left
     * gracefully), their processes, mounts and folders removed, the namespaces deleted, the lock released.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        Instant began = Instant.now();
        try {
            CompletableFuture.allOf(nodes.stream()
                    .map(n -> CompletableFuture.runAsync(() -> n.engine().discard()))
                    .toArray(CompletableFuture[]::new)).join();
            network.close();
            HostState.removeInside(ROOT);
        } finally {
            release(lockChannel, lock);
        }
        System.out.println("swarm bed: down in " + Duration.between(began, Instant.now()).toMillis() + " ms");
    }

    /** What a bed that crashed (a killed JVM) left: processes and mounts under the bed's folder, node namespaces. */
    private static void removeLeftovers() {
        HostState.removeInside(ROOT);
        BedNetwork.removeNodes();
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, and with the JVM at the latest
        }
    }

    /** Polls {@code done} every 100 ms until it holds; an {@link AssertionError} naming {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("swarm bed: not " + what + " within " + timeout.toSeconds() + " s");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
