package dev.jcompose.planner.swarm.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the swarm planner decided: a DAG of steps plus warnings for the person (services that would be pruned,
 * attributes the swarm ignores...). Same input, same plan, byte for byte.
 */
public record SwarmPlan(List<SwarmStep> steps, List<String> warnings) {
    public SwarmPlan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * The text form {@code deploy --dry-run} prints and golden tests pin, one step a line, as {@code Plan.render()}:
     * {@code #3 create Service demo_web after #1,#2 -- missing}; then the warnings, one a line.
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        if (steps.isEmpty()) sb.append("(nothing to do)\n");
        for (SwarmStep s : steps) {
            sb.append('#').append(s.id()).append(' ').append(s.action().verb()).append(' ').append(s.action().resource());
            if (!s.after().isEmpty()) {
                sb.append(" after ").append(s.after().stream().map(i -> "#" + i).collect(Collectors.joining(",")));
            }
            sb.append(" -- ").append(s.cause()).append('\n');
        }
        for (String w : warnings) sb.append("warning: ").append(w).append('\n');
        return sb.toString();
    }
}
