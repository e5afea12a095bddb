package dev.jcompose.executor.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.SwarmEngine;
import dev.jcompose.executor.SwarmInfo;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * For engine tests on a single-node swarm of the engine {@code scripts/engine.sh} starts (use it instead of
 * {@link RealEngine}, whose checks it makes too). The swarm is made only when the engine is in none
 * ({@code docker swarm init --advertise-addr 127.0.0.1}) and left (force) after the last test only when a test run
 * made it; then the {@code docker_gwbridge} network the swarm leaves behind goes too, unless it was there before.
 * Other tests on the same engine see no change: containers and bridge networks work in swarm mode as before.
 *
 * <p>Test runs of other modules or helpers may use the same engine at the same time: they agree through a lock file
 * next to the engine's name in the temporary folder. Every run holds it shared while it uses the swarm; the one that
 * can take it alone at its end is the last and leaves, if the marker file says a run made the swarm.
 *
 * <p>A test takes an {@link EngineProjects} parameter for fresh project (stack) names; after the test, the services,
 * networks, configs and secrets labelled {@code com.docker.stack.namespace=<name>} are removed, then what
 * {@link RealEngine} removes.
 */
public final class SingleNodeSwarm implements BeforeAllCallback, AfterEachCallback, ParameterResolver {
    public static final String ADVERTISE_ADDRESS = "127.0.0.1";
    static final String GATEWAY_BRIDGE = "docker_gwbridge";
    /** How long clean-up waits for the task containers of removed services to stop. */
    private static final long TASKS_GONE_MILLIS = 30_000;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SingleNodeSwarm.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        new RealEngine().beforeAll(context);
        // once for the whole test run: the root store closes it after the last test
        context.getRoot().getStore(NS).getOrComputeIfAbsent(Membership.class, k -> Membership.join(), Membership.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == EngineProjects.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getStore(NS).getOrComputeIfAbsent("projects", k -> new EngineProjects(), EngineProjects.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        EngineProjects projects = context.getStore(NS).remove("projects", EngineProjects.class);
        if (projects == null || projects.names().isEmpty()) return;
        try (Engine engine = RealEngine.connect()) {
            for (String p : projects.names()) removeStack(engine, p);
        }
    }

    /**
     * Removes the stack's services, waits for their running task containers to stop, then removes its networks,
     * configs, secrets, and what {@link RealEngine} removes: the containers of a job's completed tasks among them,
     * which the engine keeps after their service is gone.
     */
    public static void removeStack(Engine engine, String namespace) {
        SwarmEngine swarm = engine.swarm();
        for (SwarmService s : swarm.services(namespace)) swarm.removeService(s.id());
        long deadline = System.nanoTime() + TASKS_GONE_MILLIS * 1_000_000;
        while (engine.containers(namespace).stream().anyMatch(ObservedContainer::running) && System.nanoTime() < deadline) pause(200);
        List<String> networks = new ArrayList<>();
        for (SwarmNetwork n : swarm.networks(namespace)) {
            swarm.removeNetwork(n.id());
            networks.add(n.id());
        }
        // the manager lets a network go at once; this engine lists its own copy a while longer, which a removal by
        // the engine's network call would then fail to find
        while (engine.networks().stream().anyMatch(n -> networks.contains(n.id())) && System.nanoTime() < deadline) pause(200);
        for (ObjectSpec.Kind kind : ObjectSpec.Kind.values()) {
            for (SwarmObject o : swarm.objects(kind, namespace)) swarm.removeObject(kind, o.id());
        }
        RealEngine.removeProject(engine, namespace);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the task containers to go", e);
        }
    }

    /**
     * This test run's use of the swarm: the shared lock on the lock file, held until the run ends. The marker file
     * beside it exists while a test run's swarm is up and says whether {@code docker_gwbridge} was there before.
     */
    static final class Membership implements AutoCloseable {
        private final FileChannel channel;
        private final Path marker;
        private FileLock shared;

        private Membership(FileChannel channel, Path marker) {
            this.channel = channel;
            this.marker = marker;
        }

        static Membership join() {
            String engineName = Integer.toHexString(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock").hashCode());
            Path dir = Path.of(System.getProperty("java.io.tmpdir"));
            Path lock = dir.resolve("jcompose-single-node-swarm-" + engineName + ".lock");
            try {
                FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                Membership m = new Membership(channel, dir.resolve("jcompose-single-node-swarm-" + engineName + ".made"));
                m.enter();
                return m;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use the swarm's lock file " + lock, e);
            }
        }

        /**
         * Joins the runs that use the swarm (the lock shared) when there is one; else makes it under the lock held
         * alone, which waits for no one while the others have their swarm. A lock cannot be turned from exclusive into
         * shared in one step: another run may take it alone in between and leave, so the swarm is looked at again once
         * the shared lock is held.
         */
        private void enter() throws IOException {
            for (int attempt = 1; ; attempt++) {
                shared = channel.lock(0, Long.MAX_VALUE, true);
                try (Engine engine = RealEngine.connect()) {
                    if (engine.swarm().info().manager()) return;
                }
                shared.release();
                if (attempt == 3) fail("The engine's swarm went away three times while this test run joined it");
                try (FileLock alone = channel.lock(); Engine engine = RealEngine.connect()) {
                    SwarmInfo info = engine.swarm().info();
                    if (!info.active()) {
                        boolean bridgeExisted = engine.networks().stream().anyMatch(n -> n.name().equals(GATEWAY_BRIDGE));
                        engine.swarm().init(ADVERTISE_ADDRESS);
                        Files.writeString(marker, "gwbridge-existed=" + bridgeExisted + "\n", StandardCharsets.UTF_8);
                    } else if (!info.manager()) {
                        fail("The engine is in a swarm but not a manager of it, and swarm tests need one: " + info);
                    }
                }
            }
        }

        /** The last run out leaves the swarm a run made, and removes the gateway bridge when it was not there before. */
        @Override
        public void close() throws IOException {
            try {
                shared.release();
                FileLock alone = channel.tryLock();
                if (alone == null) return; // other runs still use the swarm: the last of them leaves
                try {
                    if (!Files.exists(marker)) return; // the swarm was there before any test run: not ours to end
                    boolean bridgeExisted = Files.readString(marker, StandardCharsets.UTF_8).contains("gwbridge-existed=true");
                    try (Engine engine = RealEngine.connect()) {
                        if (engine.swarm().info().active()) engine.swarm().leave(true);
                        if (!bridgeExisted) removeGatewayBridge(engine);
                    }
                    Files.delete(marker);
                } finally {
                    alone.release();
                }
            } finally {
                channel.close();
            }
        }

        private static void removeGatewayBridge(Engine engine) {
            List<String> names = new ArrayList<>();
            for (ObservedNetwork n : engine.networks()) names.add(n.name());
            if (names.contains(GATEWAY_BRIDGE)) engine.removeNetwork(GATEWAY_BRIDGE);
        }
    }
}
