package dev.jcompose.service.swarm;

import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.plan.SwarmAction;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.planner.swarm.plan.SwarmStep;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The plan of {@code down} for a stack, as {@code docker stack rm} removes one: every service of the namespace, then
 * its networks, configs and secrets (after the services, which the engine would otherwise refuse to let go of
 * them). Pure: the observed objects are the collector's, which lists only what carries the namespace label.
 */
final class StackRemoval {
    private StackRemoval() {}

    static SwarmPlan plan(ObservedSwarm observed) {
        List<SwarmStep> steps = new ArrayList<>();
        SortedSet<Integer> services = new TreeSet<>();
        for (SwarmService s : observed.services()) {
            steps.add(new SwarmStep(steps.size() + 1, new SwarmAction.RemoveService(s.id(), s.name()), "down: a service of the stack", new TreeSet<>()));
            services.add(steps.size());
        }
        for (SwarmNetwork n : observed.networks()) {
            steps.add(new SwarmStep(steps.size() + 1, new SwarmAction.RemoveNetwork(n.id(), n.name()), "down: a network of the stack", services));
        }
        for (SwarmObject c : observed.configs()) {
            steps.add(new SwarmStep(steps.size() + 1, new SwarmAction.RemoveConfig(c.id(), c.name()), "down: a config of the stack", services));
        }
        for (SwarmObject s : observed.secrets()) {
            steps.add(new SwarmStep(steps.size() + 1, new SwarmAction.RemoveSecret(s.id(), s.name()), "down: a secret of the stack", services));
        }
        return new SwarmPlan(steps, List.of());
    }
}
