package dev.jcompose.service.swarm;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.NotSwarmManagerException;
import dev.jcompose.executor.ServiceLogLine;
import dev.jcompose.executor.SwarmEngine;
import dev.jcompose.executor.SwarmInfo;
import dev.jcompose.executor.swarm.SwarmExecutor;
import dev.jcompose.executor.swarm.SwarmReport;
import dev.jcompose.executor.swarm.SwarmStateCollector;
import dev.jcompose.executor.swarm.WaitLimits;
import dev.jcompose.planner.swarm.StackConverter;
import dev.jcompose.planner.swarm.SwarmOptions;
import dev.jcompose.planner.swarm.SwarmPlanner;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.planner.swarm.plan.SwarmStep;
import dev.jcompose.planner.swarm.spec.Stack;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.Outcome;
import dev.jcompose.service.ProjectLock;
import dev.jcompose.spec.model.Project;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What jcompose does with a project on a Docker Swarm, one method per command, as {@link ComposeService} does for
 * containers: {@code deploy}, and {@code down}, {@code ps}, {@code logs}, {@code ls} of a project deployed as a stack.
 * The command line and the library both call it; it decides nothing the swarm planner decides, and holds the
 * project's lock (the one {@code up} takes) while it changes the engine.
 *
 * <p>A project is a stack on an engine when the engine manages a swarm and services labelled
 * {@code com.docker.stack.namespace=<project>} exist there ({@link #deployed}): what {@code docker stack} looks for too.
 */
public final class StackService {
    private final ComposeService compose;
    private final Function<String, Engine> nodeEngines;
    private final Clock clock;

    /**
     * @param compose     the container half over the same engine (builds, the lock)
     * @param nodeEngines connects to the engine at a {@code DOCKER_HOST} address ({@code --node-host})
     * @param clock       what waits measure their timeout with
     */
    public StackService(ComposeService compose, Function<String, Engine> nodeEngines, Clock clock) {
        this.compose = Objects.requireNonNull(compose, "compose");
        this.nodeEngines = Objects.requireNonNull(nodeEngines, "nodeEngines");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private Engine engine() {
        return compose.engine();
    }

    /** The engine's swarm half, which must be a manager's: otherwise a {@link NotSwarmManagerException} (exit 4). */
    private SwarmEngine manager() {
        SwarmEngine swarm = engine().swarm();
        SwarmInfo info = swarm.info();
        if (!info.manager()) {
            String state = info.active() ? "a worker of its swarm" : "swarm state " + info.localNodeState();
            throw new NotSwarmManagerException(engine().info().host() + ": " + state + (info.error().isEmpty() ? "" : ", " + info.error()));
        }
        return swarm;
    }

    /**
     * {@code deploy}: the images built and sent where the nodes find them, the project converted to a stack (its
     * warnings told at their file and line), the swarm's state read, the plan made and, unless a dry run, executed;
     * with {@code --wait} the plan ends with a wait for every service to converge.
     */
    public Outcome deploy(Project project, DeployRequest request, StackEvents events) {
        SwarmEngine swarm = manager();
        try (ProjectLock lock = compose.lock(project.name(), events)) {
            StackImages.Result images = new StackImages(compose, nodeEngines)
                    .prepare(project, request.distribution(), swarm.nodes(), request.dryRun(), events);
            if (!images.outcome().ok()) return images.outcome();
            Stack stack = StackConverter.convert(project, images.references(), Files::readAllBytes);
            stack.diagnostics().forEach(d -> events.warning(d.format()));
            ObservedSwarm observed = SwarmStateCollector.collect(swarm, stack);
            SwarmOptions options = new SwarmOptions(request.prune() == DeployRequest.Prune.REMOVE, request.resolveImage(),
                    request.convergence().enabled());
            SwarmPlan plan = SwarmPlanner.plan(stack, observed, options);
            return run(swarm, plan, observed, request.convergence(), request.dryRun(), events);
        }
    }

    /**
     * {@code down} of a stack ({@code docker stack rm}): its services, then its networks, configs and secrets; with
     * {@code --wait} (or {@code -v}, whose volumes the tasks hold until they are gone) until the task containers on
     * this engine are gone; with {@code -v} then the stack's named volumes on this engine.
     *
     * @param project the loaded project, whose volume names {@code -v} looks for too; null when {@code -p} alone names it
     */
    public Outcome down(String namespace, Project project, StackDownRequest request, StackEvents events) {
        SwarmEngine swarm = manager();
        try (ProjectLock lock = compose.lock(namespace, events)) {
            ObservedSwarm observed = SwarmStateCollector.collect(swarm, namespace);
            boolean volumes = request.volumes() == StackDownRequest.Volumes.REMOVE;
            if (volumes && request.dryRun()) {
                List<String> names = StackVolumes.of(engine(), namespace, project).stream().map(v -> v.name()).toList();
                if (!names.isEmpty()) events.warning("-v: once the tasks are gone, the stack's volumes on this engine would be removed: " + String.join(", ", names));
            }
            Outcome removed = run(swarm, StackRemoval.plan(observed), observed, StackWait.NONE, request.dryRun(), events);
            if (!removed.ok() || request.dryRun()) return removed;
            if (request.convergence().enabled() || volumes) {
                Outcome gone = new TasksGone(engine(), clock).await(namespace, request.convergence().timeoutSeconds(), events);
                if (!gone.ok()) return gone;
            }
            if (!volumes) return removed;
            return StackVolumes.remove(engine(), StackVolumes.of(engine(), namespace, project));
        }
    }

    /**
     * Whether the project is a stack here: this engine manages a swarm and has services labelled with its namespace.
     * An engine in no swarm (or a worker) answers false after one {@code GET /info}.
     */
    public boolean deployed(String namespace) {
        SwarmEngine swarm;
        try {
            swarm = engine().swarm();
        } catch (UnsupportedOperationException e) {
            return false; // an engine with no swarm half at all (a test double)
        }
        return swarm.info().manager() && !swarm.services(namespace).isEmpty();
    }

    /** {@code ps}: the stack's services, their tasks (every one the engine still holds) and the swarm's nodes. */
    public ObservedSwarm observe(String namespace) {
        return SwarmStateCollector.collect(manager(), namespace);
    }

    /** {@code ls}: the stacks this engine's swarm holds, by namespace, with their services and tasks. */
    public List<String> namespaces() {
        SwarmEngine swarm = engine().swarm();
        if (!swarm.info().manager()) return List.of();
        return List.copyOf(swarm.namespaces());
    }

    /** {@code logs}: what a service's tasks logged, each line with its task and node, as {@link Engine#logs} ends. */
    public LogFollower logs(String serviceName, LogOptions options, Consumer<ServiceLogLine> lines) {
        return manager().serviceLogs(serviceName, options, lines);
    }

    private Outcome run(SwarmEngine swarm, SwarmPlan plan, ObservedSwarm observed, StackWait wait, boolean dryRun, StackEvents events) {
        plan.warnings().forEach(events::warning);
        if (dryRun) {
            events.dryRun(plan);
            return Outcome.OK;
        }
        events.executing(plan);
        WaitLimits limits = wait.timeoutSeconds() > 0 ? WaitLimits.DEFAULT.withTimeout(Duration.ofSeconds(wait.timeoutSeconds())) : WaitLimits.DEFAULT;
        SwarmReport report = new SwarmExecutor(swarm, limits, clock).execute(plan, observed, events);
        events.executed(plan, report);
        return outcome(report);
    }

    static Outcome outcome(SwarmReport report) {
        int done = report.completed().size();
        if (report.succeeded()) return new Outcome(Outcome.Status.OK, List.of(), List.of(), done);
        List<String> notRun = report.skipped().stream().map(StackService::describe).toList();
        if (report.interrupted()) return new Outcome(Outcome.Status.INTERRUPTED, List.of(), notRun, done);
        return new Outcome(Outcome.Status.FAILED, new LinkedHashSet<>(report.failed().values()).stream().toList(), notRun, done);
    }

    private static String describe(SwarmStep step) {
        return step.action().verb() + " " + step.action().resource();
    }
}
