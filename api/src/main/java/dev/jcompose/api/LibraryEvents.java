package dev.jcompose.api;

import dev.jcompose.executor.ExecutionReport;
import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.executor.swarm.SwarmProgressEvent;
import dev.jcompose.service.swarm.StackEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stack's events, of containers ({@link ComposeStack}) or of a swarm ({@link SwarmStack}): warnings kept for
 * {@code warnings()} and logged, progress logged at debug level.
 */
final class LibraryEvents implements StackEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ComposeStack.class);

    private final String project;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    /** The wall time spent running plans (the engine's calls), for bench/inprocess.sh's overhead figure. */
    private final AtomicLong engineNanos = new AtomicLong();
    private final ThreadLocal<Long> planStarted = new ThreadLocal<>();

    LibraryEvents(String project) {
        this.project = project;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
        LOG.warn("[{}] {}", project, message);
    }

    long engineNanos() {
        return engineNanos.get();
    }

    @Override
    public void executing(Plan plan) {
        planStarted.set(System.nanoTime());
    }

    @Override
    public void executed(Plan plan, ExecutionReport report) {
        Long started = planStarted.get();
        if (started != null) engineNanos.addAndGet(System.nanoTime() - started);
    }

    @Override
    public void waitingForLock(String name) {
        LOG.info("[{}] waiting for another command on project {} to finish", project, name);
    }

    @Override
    public void on(ProgressEvent event) {
        if (!LOG.isDebugEnabled()) return;
        var action = event.step().action();
        if (event instanceof ProgressEvent.Completed) LOG.debug("[{}] {} {}", project, action.resource(), action.done());
        else if (event instanceof ProgressEvent.Failed f) LOG.debug("[{}] {} failed: {}", project, action.resource(), f.message());
    }

    @Override
    public void on(SwarmProgressEvent event) {
        // what a swarm step could not do (an image no registry resolves...) is a warning like the load's
        if (event instanceof SwarmProgressEvent.Warned w) warning(w.message());
        else if (LOG.isDebugEnabled()) LOG.debug("[{}] {}", project, event);
    }
}
