package dev.jcompose.planner;

import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.planner.plan.Step;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * The plans of {@code run SERVICE}: its dependencies brought up as {@code up} brings them up, then the one-off
 * container with the networks and volumes it needs. Two plans, because the one-off is created only once its
 * dependencies have been started.
 */
final class RunPlans {
    private RunPlans() {}

    /** {@code up} of the service's dependencies (not the service), with their warnings and no orphan notes. */
    static Plan dependencies(Project project, ObservedState observed, String service) {
        Service svc = project.service(service);
        if (svc.dependsOn().isEmpty()) return new Plan(List.of(), List.of());
        Project deps = Selection.withDependencies(project, List.copyOf(svc.dependsOn().keySet()));
        return Planner.up(deps, observed, UpOptions.defaults().withOrphans(Orphans.IGNORE));
    }

    /**
     * The service's missing images, networks and volumes, then the one-off container; started by the plan only when
     * {@code start} (detached): attached, the caller starts it once attached, so that no output is missed.
     */
    static Plan container(Project project, ObservedState observed, ContainerSpec spec, boolean start) {
        String service = spec.service();
        Project only = project.withServices(List.of(service));
        Plan resources = Planner.up(only, observed, UpOptions.defaults().withRecreate(Recreate.NEVER).withStart(false)
                .withOrphans(Orphans.IGNORE));
        PlanBuilder plan = new PlanBuilder();
        resources.warnings().forEach(plan::warn);
        List<Integer> before = new ArrayList<>();
        for (Step step : resources.steps()) {
            if (step.action() instanceof Action.CreateNetwork || step.action() instanceof Action.CreateVolume
                    || step.action() instanceof Action.PullImage) {
                before.add(plan.add(step.action(), step.reason(), List.of()));
            }
        }
        int created = plan.add(new Action.CreateContainer(spec), "run " + service, before);
        if (start) plan.add(new Action.StartContainer(spec.name(), service), "run " + service, List.of(created));
        return plan.build();
    }
}
