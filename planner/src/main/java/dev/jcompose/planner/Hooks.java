package dev.jcompose.planner;

import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.spec.model.Hook;
import dev.jcompose.spec.model.Service;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A service's {@code post_start} and {@code pre_stop} hooks as plan steps, each after the one before it. */
final class Hooks {
    private Hooks() {}

    /** The post_start hooks after the start step; returns the step a dependent waits for (the last hook, or the start). */
    static int afterStart(PlanBuilder plan, Service service, String container, int start) {
        int last = start;
        if (service == null) return last;
        for (Hook h : service.options().lifecycle().postStart()) {
            last = plan.add(new Action.RunHook(container, service.name(), h, Action.HookPhase.POST_START), "post_start hook", List.of(last));
        }
        return last;
    }

    /** The pre_stop hooks before a stop: returns what the stop comes after (the last hook, or {@code after}). */
    static Collection<Integer> beforeStop(PlanBuilder plan, Service service, String container, Collection<Integer> after) {
        if (service == null || service.options().lifecycle().preStop().isEmpty()) return after;
        Collection<Integer> last = after;
        for (Hook h : service.options().lifecycle().preStop()) {
            last = Set.of(plan.add(new Action.RunHook(container, service.name(), h, Action.HookPhase.PRE_STOP), "pre_stop hook", last));
        }
        return last;
    }
}
