package dev.jcompose.service;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.ExecSpec;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.StateCollector;
import dev.jcompose.executor.TerminalSize;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.Planner;
import dev.jcompose.planner.RunOverrides;
import dev.jcompose.planner.Selection;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.model.NetworkConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What jcompose does, one method per command, as docker compose's {@code api.Service}: each takes a project (already
 * loaded, with the services the command is about selected) and an options record, reports progress as {@link Events},
 * and returns how it ended. It decides nothing the planner decides; it holds the project's lock while it changes
 * the engine. One instance per engine connection; safe to call from several threads (the lock orders commands on
 * one project, the engine client is thread-safe).
 */
public final class ComposeService {
    /**
     * @param parallelism   how many engine calls a plan runs at once
     * @param lockDirectory where the per-project lock files live ({@link ProjectLock#directory})
     */
    public record Settings(int parallelism, Path lockDirectory) {
        public Settings {
            if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
            Objects.requireNonNull(lockDirectory, "lockDirectory");
        }
    }

    private final Engine engine;
    private final Settings settings;

    public ComposeService(Engine engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    public Engine engine() {
        return engine;
    }

    /** The project's lock, for a caller that changes it outside this layer; released on close. */
    public ProjectLock lock(String project, Events events) {
        return ProjectLock.acquire(settings.lockDirectory(), engine.info().host(), project, () -> events.waitingForLock(project));
    }

    /**
     * The locks of the networks {@code project} may make (its own, not external ones: those it only joins), taken
     * after its project lock: another project may name the same network.
     */
    private NetworkLocks networkLocks(Project project, Events events) {
        List<String> names = project.networks().values().stream().filter(n -> !n.external()).map(NetworkConfig::name).toList();
        return NetworkLocks.acquire(settings.lockDirectory(), engine.info().host(), names, events::waitingForNetworkLock);
    }

    /** The locks of the networks a {@code down} may remove: the file's, or without one those labelled as the project's. */
    private NetworkLocks networkLocks(String projectName, Project project, Events events) {
        if (project != null) return networkLocks(project, events);
        List<String> names = engine.networks().stream().filter(n -> projectName.equals(n.project())).map(ObservedNetwork::name).toList();
        return NetworkLocks.acquire(settings.lockDirectory(), engine.info().host(), names, events::waitingForNetworkLock);
    }

    /** Runs a plan made here or by the caller from this engine's state ({@link #observe}). */
    public Outcome execute(Plan plan, boolean dryRun, Events events) {
        return PlanExecution.run(engine, settings.parallelism(), plan, dryRun, events);
    }

    /**
     * The engine's state as the planner sees it: the project's containers, networks, volumes and images. The
     * containers of a swarm's tasks are left out: they carry the project's label (so that compose-aware tools see
     * what a stack runs) but are the swarm's to start, stop and remove.
     */
    public ObservedState observe(Project project) {
        return withoutTasks(StateCollector.collect(engine, project));
    }

    /** The label the engine puts on the container of a swarm task. */
    public static final String SWARM_TASK_LABEL = "com.docker.swarm.task.id";

    private static ObservedState withoutTasks(ObservedState observed) {
        List<String> tasks = observed.containers().stream().filter(ComposeService::swarmTask).map(ObservedContainer::name).toList();
        return tasks.isEmpty() ? observed : observed.without(tasks);
    }

    /** Whether the container is a swarm task's ({@link #SWARM_TASK_LABEL}). */
    public static boolean swarmTask(ObservedContainer c) {
        return c.labels().containsKey(SWARM_TASK_LABEL);
    }

    /**
     * {@code up} (or {@code create}, when {@code request.options().start()} is false): images first, built or
     * pulled, then the containers, then, with {@code waitReady}, a wait for each to be running, healthy or done.
     */
    public Outcome up(Project project, UpRequest request, Events events) {
        try (ProjectLock lock = lock(project.name(), events); NetworkLocks networks = networkLocks(project, events)) {
            Images images = images(project, observe(project), request.build(), request.dryRun(), events);
            if (!images.outcome().ok()) return images.outcome();
            Outcome up = execute(Planner.up(project, images.observed(), request.options()), request.dryRun(), events);
            if (!up.ok() || request.dryRun() || !request.options().start() || !request.waitReady()) return up;
            return execute(Planner.waitReady(project, observe(project), request.waitTimeoutSeconds()), false, events);
        }
    }

    /** {@code build}: the images of the project's services with a build section, as {@code options} says. */
    public Outcome build(Project project, BuildOptions options, boolean dryRun, Events events) {
        try (ProjectLock lock = lock(project.name(), events)) {
            return execute(ImagePlanner.builds(project, observe(project), options), dryRun, events);
        }
    }

    /**
     * {@code down}: the project's containers and networks, volumes with {@code -v}, images with {@code --rmi}.
     *
     * @param project null when there is no file: the containers' labels say what is the project's
     */
    public Outcome down(String projectName, Project project, DownRequest request, Events events) {
        try (ProjectLock lock = lock(projectName, events); NetworkLocks networks = networkLocks(projectName, project, events)) {
            ObservedState observed = observe(projectName, project);
            Outcome down = execute(Planner.down(projectName, project, observed, request.options()), request.dryRun(), events);
            if (!down.ok() || request.removeImages() == DownRequest.RemoveImages.NONE) return down;
            // images go once no container of the project holds them any more
            ObservedState after = request.dryRun() ? observed.withoutContainers() : observe(projectName, project);
            String rmi = request.removeImages().name().toLowerCase(Locale.ROOT);
            return execute(ImagePlanner.removals(projectName, project, after, engine.images(projectName), rmi), request.dryRun(), events);
        }
    }

    /** {@code prune}: the project's dangling images (left by rebuilds); never one a container runs, never another project's. */
    public Outcome prune(String projectName, boolean dryRun, Events events) {
        try (ProjectLock lock = lock(projectName, events)) {
            return execute(ImagePlanner.prune(projectName, observe(projectName, null), engine.images(projectName)), dryRun, events);
        }
    }

    /**
     * {@code pull} or {@code push} ({@link dev.jcompose.planner.RegistryPlans}): each step on its own, so that one
     * image a registry refuses fails alone and the others go on; the outcome lists every image's failure.
     */
    public Outcome transfer(Plan plan, boolean dryRun, Events events) {
        plan.warnings().forEach(events::warning);
        if (dryRun) {
            events.dryRun(plan);
            return Outcome.OK;
        }
        List<String> errors = new ArrayList<>();
        int done = 0;
        for (Step step : plan.steps()) {
            Outcome one = execute(new Plan(List.of(new Step(1, step.action(), step.reason(), new TreeSet<>())), List.of()), false, events);
            if (one.status() == Outcome.Status.INTERRUPTED) return new Outcome(Outcome.Status.INTERRUPTED, errors, List.of(), done);
            errors.addAll(one.errors());
            done += one.done();
        }
        return new Outcome(errors.isEmpty() ? Outcome.Status.OK : Outcome.Status.FAILED, errors, List.of(), done);
    }

    /** A command that changes what exists ({@code stop}, {@code start}, {@code kill}, {@code rm}...): its plan, made from the state, run under the lock. */
    public Outcome change(Project project, Function<ObservedState, Plan> planner, boolean dryRun, Events events) {
        try (ProjectLock lock = lock(project.name(), events)) {
            return execute(planner.apply(observe(project)), dryRun, events);
        }
    }

    public Outcome stop(Project project, int timeoutSeconds, boolean dryRun, Events events) {
        return change(project, o -> Planner.stop(project, o, timeoutSeconds), dryRun, events);
    }

    public Outcome start(Project project, boolean dryRun, Events events) {
        return change(project, o -> Planner.start(project, o), dryRun, events);
    }

    public Outcome restart(Project project, int timeoutSeconds, boolean dryRun, Events events) {
        return change(project, o -> Planner.restart(project, o, timeoutSeconds), dryRun, events);
    }

    /**
     * {@code run}: the service's dependencies up, its image, networks and volumes made, then a one-off container;
     * detached, started; attached, started once its streams are attached to {@code stdio}, waited for, and removed
     * with {@code remove}. The lock is released before the attach, so other commands can act on the stack meanwhile.
     *
     * @throws IllegalArgumentException when the project cannot take the overrides ({@link RunOverrides#problems})
     */
    public RunResult run(Project project, RunRequest request, Stdio stdio, Events events) {
        return run(project, request, stdio, events, false);
    }

    /**
     * {@code run}, or with {@code dryRun} its plans only (images, dependencies, the one-off's networks, volumes and
     * creation), each told to {@link Events#dryRun} as it would run, and nothing changed or attached.
     */
    public RunResult run(Project project, RunRequest request, Stdio stdio, Events events, boolean dryRun) {
        // the service as the one-off is made of it, in the project: a volume only -v mounts is made like the file's
        Project applied = request.overrides().applyTo(project, request.service());
        Service service = applied.service(request.service());
        if (request.detach() && request.remove()) {
            // docker compose has the engine remove it (AutoRemove); the container request has no such setting yet
            events.warning("--rm with --detach: the one-off is not removed when it exits (remove it with rm)");
        }
        ContainerSpec spec;
        try (ProjectLock lock = lock(project.name(), events); NetworkLocks networks = networkLocks(applied, events)) {
            Project needed = request.options().noDeps() ? applied.withServices(List.of(service.name()))
                    : Selection.withDependencies(applied, List.of(service.name()));
            Images images = images(needed, observe(needed), request.build(), dryRun, events);
            if (!images.outcome().ok()) return new RunResult(images.outcome(), null, 0);
            String imageId = images.observed().imageId(ImagePlanner.imageName(applied, service));
            ContainerSpec oneOff = ContainerSpecs.oneOff(applied, service, imageId, slug(), request.name(), request.useAliases());
            spec = request.detach() ? oneOff : oneOff.withStdio(request.openStdin(), request.tty());
            Outcome deps = execute(Planner.runDependencies(applied, observe(applied), service.name(), request.options()), dryRun, events);
            if (!deps.ok()) return new RunResult(deps, null, 0);
            Outcome created = execute(Planner.runContainer(applied, observe(applied), spec, request.detach(),
                    request.options().pull()), dryRun, events);
            if (dryRun) return new RunResult(created, null, 0);
            if (!created.ok() || request.detach()) return new RunResult(created, created.ok() ? spec.name() : null, 0);
        }
        int code;
        try (Stdio.Attached attached = stdio.whileAttached().get()) {
            LogFollower follower = engine.attach(spec.name(), spec.tty(), request.openStdin() ? stdio.in() : null, stdio.out(), stdio.err());
            engine.startContainer(spec.name());
            if (spec.tty()) {
                // its TTY takes the local terminal's size, now and whenever the window changes
                TerminalSize now = attached.sizes().current();
                if (now != null) {
                    engine.resizeContainer(spec.name(), now);
                    // once more a moment later, as the docker CLI does: a resize that comes while the engine still sets
                    // the container's TTY up can be lost, and the shell then sees a 0x0 terminal
                    Thread again = new Thread(() -> {
                        try {
                            Thread.sleep(300);
                            resizeQuietly(spec.name(), now);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "jcompose-resize");
                    again.setDaemon(true);
                    again.start();
                }
                attached.sizes().onChange(size -> resizeQuietly(spec.name(), size));
            }
            code = engine.waitContainer(spec.name());
            follower.awaitEnd(5_000); // its last lines come before the exit
            follower.close();
        }
        if (request.remove()) engine.removeContainer(spec.name(), true);
        return new RunResult(Outcome.OK, spec.name(), code);
    }

    private void resizeQuietly(String container, TerminalSize size) {
        try {
            engine.resizeContainer(container, size);
        } catch (RuntimeException e) {
            // it may have ended between the window change and this call: nothing left to resize
        }
    }

    /** {@code ps}: the project's containers (one-offs and stopped ones included, a swarm's task containers not), by name. */
    public List<ObservedContainer> containers(String projectName) {
        return engine.containers(projectName).stream().filter(c -> !swarmTask(c)).sorted(Comparator.comparing(ObservedContainer::name)).toList();
    }

    /** The part of a container's log {@code options} names, to {@code lines}; the handle ends as {@link Engine#logs} says. */
    public LogFollower logs(String container, LogOptions options, Consumer<LogLine> lines) {
        return engine.logs(container, options, lines);
    }

    /** {@code exec}: a command in a running container; its exit code. */
    public int exec(String container, ExecSpec spec, InputStream stdin, Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        return engine.exec(container, spec, stdin, stdout, stderr);
    }

    /** The state to plan the containers from once the images are there, or the outcome of a failed build. */
    private record Images(ObservedState observed, Outcome outcome) {}

    /**
     * As docker compose orders them: images are built before anything is planned for the containers, so that the
     * container plan sees the new image ids and recreates exactly the services whose image changed.
     */
    private Images images(Project project, ObservedState observed, BuildOptions options, boolean dryRun, Events events) {
        Plan builds = ImagePlanner.builds(project, observed, options);
        if (builds.isEmpty()) return new Images(observed, Outcome.OK);
        Outcome built = execute(builds, dryRun, events);
        if (!built.ok()) return new Images(observed, built);
        if (dryRun) {
            // nothing was built: plan the containers as they would be planned once it was
            return new Images(observed.withImagesRebuilt(builds.steps().stream()
                    .map(s -> ((Action.BuildImage) s.action()).spec().image()).toList()), Outcome.OK);
        }
        return new Images(observe(project), Outcome.OK);
    }

    private ObservedState observe(String projectName, Project project) {
        return withoutTasks(project != null ? StateCollector.collect(engine, project) : StateCollector.collect(engine, projectName));
    }

    private static String slug() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
