package dev.jcompose.service.swarm;

import java.util.Objects;

/**
 * What {@code down} is asked to do with a project deployed as a stack: its services, networks, configs and secrets
 * go (as {@code docker stack rm}); its named volumes only when asked.
 *
 * @param volumes what becomes of the named volumes the stack's tasks made on this engine
 * @param convergence whether to wait until the tasks are gone (the networks can be removed only then), and how long
 * @param dryRun  print the plan and change nothing
 */
public record StackDownRequest(Volumes volumes, StackWait convergence, boolean dryRun) {
    /** {@code -v}: the stack's named volumes (label {@code com.docker.stack.namespace}) are removed too, once no task holds them. */
    public enum Volumes { KEEP, REMOVE }

    public StackDownRequest {
        Objects.requireNonNull(volumes, "volumes");
        Objects.requireNonNull(convergence, "convergence");
    }
}
