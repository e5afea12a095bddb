package dev.jcompose.api;

import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.service.Events;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stack's events: warnings kept for {@link ComposeStack#warnings()} and logged, progress logged at debug level. */
final class StackEvents implements Events {
    private static final Logger LOG = LoggerFactory.getLogger(ComposeStack.class);

    private final String project;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    StackEvents(String project) {
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
}
