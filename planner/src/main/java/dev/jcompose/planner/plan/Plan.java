package dev.jcompose.planner.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the planner decided: a DAG of single-engine-call steps, plus warnings for the person (orphans...).
 * Same input, same plan, byte for byte.
 */
public record Plan(List<Step> steps, List<String> warnings) {
    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The text form that {@code --dry-run} prints and golden tests pin, one step a line. */
    public String render() {
        if (steps.isEmpty()) return "(nothing to do)\n";
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append('#').append(s.id()).append(' ').append(s.action().verb()).append(' ').append(s.action().resource());
            if (!s.after().isEmpty()) {
                sb.append(" after ").append(s.after().stream().map(i -> "#" + i).collect(Collectors.joining(",")));
            }
            sb.append(" -- ").append(s.reason()).append('\n');
        }
        return sb.toString();
    }
}
