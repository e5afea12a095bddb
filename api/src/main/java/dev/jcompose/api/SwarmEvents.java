package dev.jcompose.api;

import dev.jcompose.executor.swarm.SwarmProgressEvent;
import dev.jcompose.service.swarm.StackEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A swarm stack's events: warnings kept for {@link SwarmStack#warnings()} and logged, progress logged at debug level. */
final class SwarmEvents implements StackEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SwarmStack.class);

    private final String project;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    SwarmEvents(String project) {
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
    public void on(SwarmProgressEvent event) {
        // what a step could not do (an image no registry resolves...) is a warning like the load's
        if (event instanceof SwarmProgressEvent.Warned w) warning(w.message());
        else if (LOG.isDebugEnabled()) LOG.debug("[{}] {}", project, event);
    }
}
