package dev.jcompose.planner.swarm.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Steps numbered in the order they are added, and the warnings met; {@link #build()} makes the plan. */
public final class SwarmPlanBuilder {
    private final List<SwarmStep> steps = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** Adds a step after {@code after} (ids of earlier steps) and returns its id. */
    public int add(SwarmAction action, String cause, Collection<Integer> after) {
        int id = steps.size() + 1;
        steps.add(new SwarmStep(id, action, cause, new TreeSet<>(after)));
        return id;
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    public SwarmPlan build() {
        return new SwarmPlan(steps, warnings);
    }
}
