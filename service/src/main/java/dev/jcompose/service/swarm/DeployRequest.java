package dev.jcompose.service.swarm;

import dev.jcompose.planner.swarm.SwarmOptions.ResolveImage;
import java.util.List;
import java.util.Objects;

/**
 * What {@code deploy} is asked to do, beyond the project (already loaded, with its services selected).
 *
 * @param services     the services named on the command line (with their dependencies deployed too); empty for all
 * @param prune        what becomes of the stack's services, networks, configs and secrets the project no longer has
 * @param resolveImage {@code --resolve-image}: when an {@code image:} is pinned to the digest its registry has for it
 *                     (the planner's enum: the engine asks the registry as the service is created or updated)
 * @param distribution how images built here reach the nodes that run them
 * @param convergence  whether to wait for the stack to converge, and for how long
 * @param dryRun       print the plan (each engine call and why) and change nothing
 */
public record DeployRequest(List<String> services, Prune prune, ResolveImage resolveImage, Distribution distribution,
                            StackWait convergence, boolean dryRun) {
    /** {@code --prune} (or {@code --remove-orphans}): what the stack has and the project does not. */
    public enum Prune {
        /** Left alone, and named in a warning. */
        KEEP,
        /** Removed once the rest has converged: services, then the networks, configs and secrets nothing uses. */
        REMOVE
    }

    public DeployRequest {
        services = List.copyOf(services);
        Objects.requireNonNull(prune, "prune");
        Objects.requireNonNull(resolveImage, "resolveImage");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(convergence, "convergence");
        if (prune == Prune.REMOVE && !services.isEmpty()) {
            // what is not named is not the project's to lose: prune needs the whole project to compare with
            throw new IllegalArgumentException("--prune needs the whole project: it cannot be combined with services (" + String.join(", ", services) + ")");
        }
    }

    /** {@code jcompose deploy}: everything, nothing pruned, images resolved as docker does, built ones left on this engine, no wait. */
    public static DeployRequest defaults() {
        return new DeployRequest(List.of(), Prune.KEEP, ResolveImage.ALWAYS, new Distribution.Local(), StackWait.NONE, false);
    }

    public DeployRequest waiting(StackWait w) {
        return new DeployRequest(services, prune, resolveImage, distribution, w, dryRun);
    }

    public DeployRequest pruning() {
        return new DeployRequest(services, Prune.REMOVE, resolveImage, distribution, convergence, dryRun);
    }

    public DeployRequest resolving(ResolveImage r) {
        return new DeployRequest(services, prune, r, distribution, convergence, dryRun);
    }

    public DeployRequest distributing(Distribution d) {
        return new DeployRequest(services, prune, resolveImage, d, convergence, dryRun);
    }

    public DeployRequest dryRunning() {
        return new DeployRequest(services, prune, resolveImage, distribution, convergence, true);
    }
}
