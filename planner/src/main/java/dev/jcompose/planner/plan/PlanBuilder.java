package dev.jcompose.planner.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Numbers steps in the order they are added; used by the planner only. */
public final class PlanBuilder {
    private final List<Step> steps = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** Adds a step and returns its id. */
    public int add(Action action, String reason, Collection<Integer> after) {
        int id = steps.size() + 1;
        steps.add(new Step(id, action, reason, new TreeSet<>(after)));
        return id;
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    public Plan build() {
        return new Plan(steps, warnings);
    }
}
