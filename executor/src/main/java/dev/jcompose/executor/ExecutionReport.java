package dev.jcompose.executor;

import dev.jcompose.planner.plan.Step;
import java.util.List;
import java.util.Map;

/**
 * How a plan ran: what completed, what failed (with the engine's message), and what was never started.
 *
 * @param interrupted true when the run was stopped by an interrupt rather than by a failure
 */
public record ExecutionReport(List<Step> completed, Map<Step, String> failed, List<Step> skipped, boolean interrupted) {
    public ExecutionReport {
        completed = List.copyOf(completed);
        failed = Map.copyOf(failed);
        skipped = List.copyOf(skipped);
    }

    public boolean succeeded() {
        return failed.isEmpty() && skipped.isEmpty() && !interrupted;
    }
}
