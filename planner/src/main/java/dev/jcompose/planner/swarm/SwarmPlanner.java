package dev.jcompose.planner.swarm;

import dev.jcompose.planner.PlanException;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.planner.swarm.spec.Stack;

/**
 * Desired stack + observed swarm + options -> plan: pure and deterministic. Networks, configs and secrets first;
 * services in {@code depends_on} order with their gates; an update only where the spec-hash label differs;
 * superseded configs/secrets removed after convergence; prune when asked. Objects without the stack's namespace
 * label are never touched.
 */
public final class SwarmPlanner {
    private SwarmPlanner() {
    }

    /** @throws PlanException an external network, config or secret is missing (named), or depends_on has a cycle */
    public static SwarmPlan plan(Stack stack, ObservedSwarm observed, SwarmOptions options) {
        throw new UnsupportedOperationException("swarm contract: the planner is not implemented yet");
    }
}
