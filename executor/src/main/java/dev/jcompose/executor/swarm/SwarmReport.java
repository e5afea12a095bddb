package dev.jcompose.executor.swarm;

import dev.jcompose.planner.swarm.plan.SwarmStep;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a swarm plan ran: the steps that completed (a warned one among them), the one that failed with why, and those
 * never started.
 *
 * @param warnings    per step, what it warned (the engine's warnings, a gate that was not required and failed)
 * @param interrupted the run was stopped by an interrupt rather than by a failure
 */
public record SwarmReport(List<SwarmStep> completed, Map<SwarmStep, String> failed, List<SwarmStep> skipped,
                          Map<SwarmStep, String> warnings, boolean interrupted) {
    public SwarmReport {
        completed = List.copyOf(completed);
        failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        skipped = List.copyOf(skipped);
        warnings = Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
    }

    public boolean succeeded() {
        return failed.isEmpty() && skipped.isEmpty() && !interrupted;
    }
}
