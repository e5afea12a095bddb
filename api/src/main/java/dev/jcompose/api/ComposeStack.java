package dev.jcompose.api;

import dev.jcompose.executor.ContainerStatus;
import dev.jcompose.executor.Engine;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.DownOptions;
import dev.jcompose.planner.UpOptions;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.DownRequest;
import dev.jcompose.service.Outcome;
import dev.jcompose.service.UpRequest;
import dev.jcompose.spec.Suggestions;
import dev.jcompose.spec.model.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Compose project on an engine, driven from Java in this JVM: {@code up()} brings it up as {@code jcompose up
 * --wait} does (images built or pulled when missing, then every container running, healthy or exited 0, as the file
 * says), {@code close()} takes it down with its volumes. It holds one engine connection, has no static state, and
 * may be used from several threads.
 *
 * <pre>{@code
 * try (ComposeStack stack = ComposeStack.builder().file(Path.of("compose.yaml")).randomHostPorts().build().up()) {
 *     URI api = stack.service("api").uri("http", 8080);
 * }
 * }</pre>
 */
public final class ComposeStack implements AutoCloseable {
    private final Project project;
    private final ComposeService service;
    private final String host;
    private final Duration waitTimeout;
    private final int stopTimeoutSeconds;
    private final List<ServiceWait> waits;
    private final LibraryEvents events;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A {@link WaitStrategy} for one service. */
    record ServiceWait(String service, WaitStrategy strategy) {}

    ComposeStack(Project project, ComposeService service, String host, Duration waitTimeout, int stopTimeoutSeconds,
                 List<ServiceWait> waits, LibraryEvents events) {
        this.stopTimeoutSeconds = stopTimeoutSeconds;
        this.project = project;
        this.service = service;
        this.host = host;
        this.waitTimeout = waitTimeout;
        this.waits = List.copyOf(waits);
        this.events = events;
    }

    public static ComposeStackBuilder builder() {
        return new ComposeStackBuilder();
    }

    /** The project's name: its containers are {@code <name>-<service>-<n>}, labelled {@code com.docker.compose.project=<name>}. */
    public String projectName() {
        return project.name();
    }

    /** The names of the services this stack runs (the profiles' and the file's choice). */
    public List<String> services() {
        return StackProjects.names(project);
    }

    /** The wall time this stack's commands spent running plans (engine calls), for the benchmark's overhead figure. */
    long engineNanos() {
        return events.engineNanos();
    }

    /** What the load and the commands warned about (attributes the engine cannot honour, orphans...), in order. */
    public List<String> warnings() {
        return events.warnings();
    }

    /**
     * Brings the stack up and waits until it is ready; returns this stack. When it fails, what was made is taken
     * down again (volumes too) and the exception says why, with the last log lines of each container that failed.
     */
    public ComposeStack up() {
        Instant deadline = Instant.now().plus(waitTimeout);
        UpRequest request = new UpRequest(UpOptions.defaults(), BuildOptions.ifMissing(), true, (int) waitTimeout.toSeconds(), false);
        Outcome outcome;
        try {
            outcome = service.up(project, request, events);
        } catch (RuntimeException e) {
            // a plan error (an image that may not be pulled...) or an engine failure: nothing of the stack may stay
            close();
            throw new ComposeStackException("stack " + project.name() + " did not come up: " + e.getMessage(), e);
        }
        if (!outcome.ok()) failed(String.join("; ", outcome.errors()));
        for (ServiceWait w : waits) {
            if (!Waits.await(service(w.service()), w.strategy(), deadline)) {
                failed("service " + w.service() + ": " + describe(w.strategy()) + " did not happen within " + waitTimeout.toSeconds() + " s");
            }
        }
        return this;
    }

    private void failed(String why) {
        String report = failureReport(50);
        try {
            close();
        } catch (RuntimeException e) {
            why += " (and taking it down again failed: " + e.getMessage() + ")";
        }
        throw new ComposeStackException("stack " + project.name() + " did not come up: " + why + (report.isEmpty() ? "" : "\n" + report));
    }

    private static String describe(WaitStrategy wait) {
        if (wait instanceof WaitStrategy.PortListening p) return "a listener on port " + p.containerPort();
        if (wait instanceof WaitStrategy.HttpStatus h) return "HTTP " + h.status() + " from " + h.path() + " on port " + h.containerPort();
        return "a log line matching /" + ((WaitStrategy.LogMessage) wait).pattern() + "/";
    }

    /**
     * Takes down, volumes too, the stacks that processes of this host made and did not take down because they died
     * (a JVM killed in the middle of a test run): containers labelled with an owner that no longer runs. Stacks of live
     * processes, of other hosts, and any stack not made through this API are left alone. Returns the projects swept.
     */
    public List<String> sweepLeftovers() {
        return LeftoverStacks.sweep(service);
    }

    /** The service called {@code name}; an unknown name is an error that says which exist. */
    public ServiceHandle service(String name) {
        if (project.service(name) == null) {
            String hint = Suggestions.didYouMean(name, project.services().keySet());
            throw new IllegalArgumentException("stack " + project.name() + " has no service \"" + name + "\""
                    + (hint == null ? "" : " (" + hint + ")") + "; it has " + String.join(", ", services()));
        }
        return new ServiceHandle(service, project.name(), name, host, 1);
    }

    /**
     * The last {@code lines} log lines of every container that exited with a non-zero code, is unhealthy, or is not
     * running and not done; empty when every container is fine. What a failed test shows.
     */
    public String failureReport(int lines) {
        StringBuilder out = new StringBuilder();
        for (ObservedContainer c : service.containers(project.name())) {
            if (c.oneoff()) continue;
            ContainerStatus status = service.engine().inspect(c.name());
            String trouble = trouble(status);
            if (trouble == null) continue;
            out.append("--- ").append(c.name()).append(" (").append(trouble).append("), last ").append(lines).append(" log lines:\n");
            out.append(new ServiceHandle(service, project.name(), c.service(), host, c.number()).logs(lines));
        }
        return out.toString();
    }

    private static String trouble(ContainerStatus status) {
        // how it ended first: an exited container's last health is of no interest
        if (status.exited()) {
            return status.exitCode() != null && status.exitCode() != 0 ? "exited with code " + status.exitCode() : null;
        }
        if ("unhealthy".equals(status.health())) return "unhealthy";
        if (!status.state().equals("running")) return status.state();
        return "starting".equals(status.health()) ? "health: starting" : null;
    }

    /** Takes the stack down: containers and networks; the named volumes too when {@code volumes}. */
    public void down(boolean volumes) {
        DownRequest request = new DownRequest(new DownOptions(volumes, true, stopTimeoutSeconds), DownRequest.RemoveImages.NONE, false);
        Outcome outcome = service.down(project.name(), project, request, events);
        if (!outcome.ok()) throw new ComposeStackException("down of stack " + project.name() + " failed: " + String.join("; ", outcome.errors()));
    }

    /** Down with volumes, then the engine connection closed; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        List<RuntimeException> failures = new ArrayList<>();
        try {
            down(true);
        } catch (RuntimeException e) {
            failures.add(e);
        } finally {
            Engine engine = service.engine();
            engine.close();
        }
        if (!failures.isEmpty()) throw failures.get(0);
    }
}
