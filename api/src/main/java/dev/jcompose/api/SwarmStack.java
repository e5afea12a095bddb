package dev.jcompose.api;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.NotSwarmManagerException;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.observed.TaskState;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.Outcome;
import dev.jcompose.service.swarm.DeployRequest;
import dev.jcompose.service.swarm.StackDownRequest;
import dev.jcompose.service.swarm.StackNames;
import dev.jcompose.service.swarm.StackService;
import dev.jcompose.service.swarm.StackWait;
import dev.jcompose.spec.Suggestions;
import dev.jcompose.spec.model.Project;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A Compose project deployed to a Docker Swarm from Java, as {@code jcompose deploy --wait} deploys it (the same
 * loader, converter, planner and waits): {@link #deploy()} returns once every service converged (its tasks running,
 * healthy where a healthcheck says so, a job complete), {@link #close()} removes the stack as {@code jcompose down -v
 * --wait} does. The engine it connects to must be a manager of the swarm. It holds one engine connection, has no
 * static state, and may be used from several threads.
 *
 * <pre>{@code
 * try (SwarmStack stack = ComposeStack.builder().file(Path.of("compose.yaml")).uniqueProjectName().buildSwarmStack().deploy()) {
 *     assertEquals(2, stack.tasks("web").stream().filter(t -> t.state().equals("running")).count());
 * }
 * }</pre>
 */
public final class SwarmStack implements AutoCloseable {
    private final Project project;
    private final ComposeService compose;
    private final StackService stacks;
    private final Duration waitTimeout;
    private final LibraryEvents events;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * One task of a service, as {@code docker stack ps} lists it.
     *
     * @param name         {@code <stack>_<service>.<slot>}, or {@code .<node id>} for a global service's or a job's task
     * @param node         the hostname of the node it was given to; empty while it waits for one
     * @param desiredState what the swarm wants of it: {@code running}, {@code shutdown}, {@code complete}...
     * @param state        where it is: {@code pending}, {@code running}, {@code complete}, {@code failed}...
     * @param error        why it failed or was rejected; empty otherwise
     */
    public record Task(String name, String node, String desiredState, String state, String error) {}

    SwarmStack(Project project, ComposeService compose, Function<String, Engine> nodeEngines, Duration waitTimeout, LibraryEvents events) {
        this.project = project;
        this.compose = compose;
        // the waits' timeouts are real time
        this.stacks = new StackService(compose, nodeEngines, Clock.systemUTC());
        this.waitTimeout = waitTimeout;
        this.events = events;
    }

    /** The stack's name ({@code com.docker.stack.namespace}): its services are {@code <name>_<service>}. */
    public String projectName() {
        return project.name();
    }

    /** The names of the services the stack runs (the profiles' and the file's choice). */
    public List<String> services() {
        return StackProjects.names(project);
    }

    /** What the load, the conversion and the deploy warned about (keys a swarm cannot honour, images no registry resolved...), in order. */
    public List<String> warnings() {
        return events.warnings();
    }

    /**
     * Deploys the stack (built images first, on this engine) and waits until it converged, within the builder's
     * {@code waitTimeout} (one budget for all the waits); returns this stack. The files are read once, by
     * {@link ComposeStackBuilder#buildSwarmStack()}: a second call changes nothing. When a deploy that made the stack
     * fails, the stack is removed again (its volumes too); one that failed on a stack already there (an earlier
     * deploy, the same project deployed from the command line) leaves it as it is. The exception says why, naming
     * each failing task's state and message per node.
     */
    public SwarmStack deploy() {
        requireOpen();
        DeployRequest request = DeployRequest.defaults().waiting(StackWait.upTo(seconds(waitTimeout)));
        // only a deploy that made the stack removes it again; unknown (the question failed) counts as there
        Boolean existed = null;
        Outcome outcome;
        try {
            existed = stacks.deployed(project.name());
            outcome = stacks.deploy(project, request, events);
        } catch (NotSwarmManagerException e) {
            // nothing was made, and nothing could be removed: the connection is all there is to close
            if (closed.compareAndSet(false, true)) compose.engine().close();
            throw new ComposeStackException("stack " + project.name() + " was not deployed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a plan error, an engine failure
            throw failed(e.getMessage(), e, Boolean.FALSE.equals(existed));
        }
        if (outcome.status() == Outcome.Status.INTERRUPTED) {
            throw failed("interrupted" + (outcome.notRun().isEmpty() ? "" : " (not run: " + String.join(", ", outcome.notRun()) + ")"),
                    null, !existed);
        }
        if (!outcome.ok()) throw failed(String.join("; ", outcome.errors()), null, !existed);
        return this;
    }

    private ComposeStackException failed(String why, RuntimeException cause, boolean remove) {
        if (remove) {
            // the removal must run to its end even when an interrupt ended the deploy: the flag is set again after
            boolean interrupted = Thread.interrupted();
            try {
                close();
            } catch (RuntimeException e) {
                why += " (and removing it again failed: " + e.getMessage() + ")";
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
        return new ComposeStackException("stack " + project.name() + " was not deployed: " + why, cause);
    }

    private static int seconds(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toSeconds()));
    }

    private void requireOpen() {
        if (closed.get()) throw new IllegalStateException("stack " + project.name() + " is closed");
    }

    /** Every task the swarm holds of the service (superseded and completed ones included), by slot, running first. */
    public List<Task> tasks(String service) {
        requireOpen();
        requireService(service);
        ObservedSwarm swarm = stacks.observe(project.name());
        List<Task> out = new ArrayList<>();
        for (SwarmService s : swarm.services()) {
            if (!StackNames.composeName(project.name(), s).equals(service)) continue;
            swarm.tasksOf(s.id()).stream()
                    .sorted(BY_SLOT)
                    .forEach(t -> out.add(task(s, t)));
        }
        return out;
    }

    /** By slot as a number (a global service's or a job's tasks, which have none, by node), the running one of a slot first. */
    private static final Comparator<SwarmTask> BY_SLOT = Comparator
            .comparing((SwarmTask t) -> t.slot() == null || t.slot() == 0 ? Integer.MAX_VALUE : t.slot())
            .thenComparing(t -> String.valueOf(t.nodeId()))
            .thenComparing(t -> t.desiredState() != TaskState.RUNNING);

    private static Task task(SwarmService s, SwarmTask t) {
        return new Task(s.name() + "." + StackNames.slotOrNode(t), t.nodeHostname() == null ? "" : t.nodeHostname(),
                t.desiredState().key(), t.state().key(), t.err() == null ? "" : t.err());
    }

    /**
     * What the service's tasks logged so far, every task's lines, as {@code docker service logs} gets them, one per
     * line; what came within the builder's {@code waitTimeout}, should the engine take longer to send it all.
     */
    public String logs(String service) {
        requireOpen();
        requireService(service);
        StringBuilder out = new StringBuilder();
        try (LogFollower f = stacks.logs(project.name() + "_" + service, new LogOptions(false, null, null, null, false),
                line -> {
                    synchronized (out) {
                        out.append(line.line().text()).append('\n');
                    }
                })) {
            f.awaitEnd(waitTimeout.toMillis());
        }
        synchronized (out) {
            return out.toString();
        }
    }

    private void requireService(String name) {
        if (project.service(name) != null) return;
        String hint = Suggestions.didYouMean(name, project.services().keySet());
        throw new IllegalArgumentException("stack " + project.name() + " has no service \"" + name + "\""
                + (hint == null ? "" : " (" + hint + ")") + "; it has " + String.join(", ", services()));
    }

    /**
     * Removes the stack as {@code docker stack rm} does (services, then networks, configs and secrets) and waits until
     * its tasks on this engine are gone; its named volumes on this engine too when {@code volumes}.
     */
    public void down(boolean volumes) {
        StackDownRequest request = new StackDownRequest(volumes ? StackDownRequest.Volumes.REMOVE : StackDownRequest.Volumes.KEEP,
                StackWait.upTo(seconds(waitTimeout)), false);
        Outcome outcome = stacks.down(project.name(), project, request, events);
        if (!outcome.ok()) throw new ComposeStackException("down of stack " + project.name() + " failed: " + String.join("; ", outcome.errors()));
    }

    /** Down with volumes, then the engine connection closed; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            down(true);
        } finally {
            compose.engine().close();
        }
    }
}
