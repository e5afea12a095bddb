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

    /**
     * {@code up} of the service's dependencies (not the service; none with {@code noDeps}), with their warnings, and
     * the project's orphans as {@code options} says: docker compose's run creates the dependencies as {@code create}
     * does, which deals with orphans even when there is no dependency to create.
     */
    static Plan dependencies(Project project, ObservedState observed, String service, RunOptions options) {
        Service svc = project.service(service);
        PlanBuilder plan = new PlanBuilder();
        if (!options.noDeps() && !svc.dependsOn().isEmpty()) {
            Project deps = Selection.withDependencies(project, List.copyOf(svc.dependsOn().keySet()));
            // orphans are the whole project's business (below): to the dependencies alone, every other service is one
            copy(Planner.up(deps, observed, upOptions(options.pull())), plan);
        }
        Planner.orphans(project, observed, options.orphans(), Action.StopContainer.OWN_TIMEOUT, plan);
        return plan.build();
    }

    /**
     * The service's missing images, networks and volumes, then the one-off container; started by the plan only when
     * {@code start} (detached): attached, the caller starts it once attached, so that no output is missed.
     *
     * @param project the project with the service as the one-off is made of it (its {@link RunOverrides} applied),
     *                so that a volume only {@code -v} mounts is made too
     */
    static Plan container(Project project, ObservedState observed, ContainerSpec spec, boolean start, PullPolicy pull) {
        String service = spec.service();
        Project only = project.withServices(List.of(service));
        Plan resources = Planner.up(only, observed, upOptions(pull).withRecreate(Recreate.NEVER).withStart(false));
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

    private static UpOptions upOptions(PullPolicy pull) {
        return new UpOptions(Recreate.DIVERGED, true, Orphans.IGNORE, Action.StopContainer.OWN_TIMEOUT, false, pull, false);
    }

    /** Appends {@code from}'s steps and warnings to an empty {@code to}: the ids and their order stay as they are. */
    private static void copy(Plan from, PlanBuilder to) {
        for (Step step : from.steps()) to.add(step.action(), step.reason(), step.after());
        from.warnings().forEach(to::warn);
    }
}
