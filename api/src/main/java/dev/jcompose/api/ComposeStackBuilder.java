package dev.jcompose.api;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.planner.ServiceGraph;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.ProjectLock;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.LoadedProject;
import dev.jcompose.spec.model.Project;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How a {@link ComposeStack} is made: the files and options {@code jcompose}'s command line takes ({@code -f},
 * {@code -p}, {@code --profile}, {@code --env-file}, the environment), plus what a test stack wants (ephemeral host
 * ports, a unique project name). {@link #build()} loads and checks the project and connects to the engine; it changes
 * nothing on the engine.
 */
public final class ComposeStackBuilder {
    private final List<String> files = new ArrayList<>();
    private final List<String> profiles = new ArrayList<>();
    private final List<String> envFiles = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>(System.getenv());
    private Path workingDir = Path.of("").toAbsolutePath();
    private Path projectDirectory;
    private String projectName;
    private boolean uniqueName;
    private boolean randomHostPorts;
    private Duration waitTimeout = Duration.ofMinutes(5);
    private int parallelism = 8;
    private int stopTimeoutSeconds = Action.StopContainer.OWN_TIMEOUT;
    private final List<ComposeStack.ServiceWait> waits = new ArrayList<>();

    ComposeStackBuilder() {}

    /** A Compose file ({@code -f}); several are merged in order. None: {@code compose.yaml} found from the working directory. */
    public ComposeStackBuilder file(Path file) {
        files.add(file.toString());
        return this;
    }

    public ComposeStackBuilder files(List<Path> more) {
        more.forEach(this::file);
        return this;
    }

    /** {@code -p}: the project's name (default: the project directory's name, or {@code name:} in the file). */
    public ComposeStackBuilder projectName(String name) {
        this.projectName = name;
        return this;
    }

    /** A project name of the file's own followed by a random suffix, so that stacks of one file can run side by side. */
    public ComposeStackBuilder uniqueProjectName() {
        this.uniqueName = true;
        return this;
    }

    /** {@code --project-directory}: where relative paths in the files start (default: the first file's folder). */
    public ComposeStackBuilder projectDirectory(Path dir) {
        this.projectDirectory = dir;
        return this;
    }

    /** The directory relative {@link #file} paths start from (default: this JVM's working directory). */
    public ComposeStackBuilder workingDirectory(Path dir) {
        this.workingDir = dir.toAbsolutePath();
        return this;
    }

    /** {@code --profile}: enable the services of this profile too. */
    public ComposeStackBuilder profile(String profile) {
        profiles.add(profile);
        return this;
    }

    /** {@code --env-file}. */
    public ComposeStackBuilder envFile(Path file) {
        envFiles.add(file.toString());
        return this;
    }

    /** A variable for interpolation ({@code ${TAG}} in the file), winning over this JVM's environment. */
    public ComposeStackBuilder env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Every published port becomes an ephemeral one; {@link ServiceHandle#port} says which. */
    public ComposeStackBuilder randomHostPorts() {
        this.randomHostPorts = true;
        return this;
    }

    /** How long {@link ComposeStack#up()} waits for the services to be ready (default 5 minutes). */
    public ComposeStackBuilder waitTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the wait timeout must be positive");
        this.waitTimeout = timeout;
        return this;
    }

    /** After the file's own waits, also wait for this on the service (an image without a healthcheck). */
    public ComposeStackBuilder waitFor(String service, WaitStrategy wait) {
        waits.add(new ComposeStack.ServiceWait(service, wait));
        return this;
    }

    /**
     * How long {@link ComposeStack#close()} gives each container to stop before the engine kills it (default: the
     * service's {@code stop_grace_period}, else 10 s, as {@code down}); zero kills at once.
     */
    public ComposeStackBuilder stopTimeout(Duration timeout) {
        if (timeout.isNegative()) throw new IllegalArgumentException("the stop timeout must not be negative");
        this.stopTimeoutSeconds = (int) timeout.toSeconds();
        return this;
    }

    /** How many engine calls run at once (default 8). */
    public ComposeStackBuilder parallelism(int n) {
        if (n < 1) throw new IllegalArgumentException("parallelism must be at least 1, not " + n);
        this.parallelism = n;
        return this;
    }

    /**
     * Loads the files and connects to the engine found as docker and Testcontainers find it ({@link DockerEnvironment}).
     *
     * @throws ComposeStackException when a file is invalid (the message names file:line:col) or no engine answers
     */
    public ComposeStack build() {
        Loaded loaded = load();
        Project project = loaded.project();
        for (ComposeStack.ServiceWait w : waits) {
            if (project.service(w.service()) == null) {
                throw new ComposeStackException("waitFor names service \"" + w.service() + "\", which the project "
                        + project.name() + " does not have (it has " + String.join(", ", project.services().keySet()) + ")");
            }
        }
        if (randomHostPorts) project = StackProjects.randomHostPorts(project);
        Owner owner = Owner.current(Hosts.localName());
        project = StackProjects.withLabels(project, new TreeMap<>(Map.of(Owner.LABEL, owner.label())));
        LibraryEvents events = new LibraryEvents(project.name());
        loaded.warnings().forEach(events::warning);
        return new ComposeStack(project, connect(loaded), DockerEnvironment.publishedHost(loaded.engineEnv()), waitTimeout,
                stopTimeoutSeconds, waits, events);
    }

    /**
     * Loads the files and connects to the engine as {@link #build()} does, for a {@link SwarmStack}: the project to
     * deploy to the swarm that engine manages. The options that belong to containers on one engine are refused rather
     * than dropped: {@link #randomHostPorts()} (a swarm publishes what the file says, or picks ports itself for a
     * target without a published port), {@link #waitFor} (a stack's waits are its healthchecks and its jobs) and
     * {@link #stopTimeout} (the swarm gives each task its {@code stop_grace_period}).
     *
     * @throws ComposeStackException when a file is invalid or no engine answers
     * @throws IllegalStateException when one of those options was set
     */
    public SwarmStack buildSwarmStack() {
        List<String> refused = new ArrayList<>();
        if (randomHostPorts) refused.add("randomHostPorts()");
        if (!waits.isEmpty()) refused.add("waitFor(..)");
        if (stopTimeoutSeconds != Action.StopContainer.OWN_TIMEOUT) refused.add("stopTimeout(..)");
        if (!refused.isEmpty()) {
            throw new IllegalStateException(String.join(", ", refused) + " cannot apply to a stack on a swarm: build() a"
                    + " ComposeStack for those");
        }
        Loaded loaded = load();
        LibraryEvents events = new LibraryEvents(loaded.project().name());
        loaded.warnings().forEach(events::warning);
        return new SwarmStack(loaded.project(), connect(loaded), engineConnector(loaded.env()), waitTimeout, events);
    }

    /** A project loaded and checked, the load's warnings, and the environment the engine is found with. */
    private record Loaded(Project project, List<String> warnings, Map<String, String> env, Map<String, String> engineEnv) {}

    private Loaded load() {
        Map<String, String> env = Map.copyOf(environment);
        LoadOptions options = new LoadOptions(files, workingDir, projectDirectory, projectName, envFiles, env, Set.of(),
                profiles, List.of());
        LoadedProject loaded;
        try {
            loaded = ComposeLoader.load(options);
            // the name is given to the loader, not changed after: network and volume names are made from it
            if (uniqueName) loaded = ComposeLoader.load(options.withProjectName(loaded.project().name() + "-" + suffix()));
            ServiceGraph.of(loaded.project());
        } catch (ComposeException e) {
            throw new ComposeStackException(e.getMessage(), e);
        }
        Map<String, String> engineEnv = DockerEnvironment.resolve(env, Path.of(System.getProperty("user.home")));
        return new Loaded(loaded.project(), loaded.warnings(), env, engineEnv);
    }

    private ComposeService connect(Loaded loaded) {
        Engine engine;
        try {
            engine = DockerJavaEngine.connect(loaded.engineEnv());
        } catch (RuntimeException e) {
            throw new ComposeStackException("no Docker engine answers: " + e.getMessage(), e);
        }
        return new ComposeService(engine, new ComposeService.Settings(parallelism, ProjectLock.directory(loaded.env())));
    }

    /** Connects to another engine by its {@code DOCKER_HOST} address, for images sent to a swarm's nodes. */
    private static Function<String, Engine> engineConnector(Map<String, String> env) {
        return host -> {
            Map<String, String> nodeEnv = new HashMap<>(env);
            nodeEnv.put("DOCKER_HOST", host);
            return DockerJavaEngine.connect(nodeEnv);
        };
    }

    private static String suffix() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
