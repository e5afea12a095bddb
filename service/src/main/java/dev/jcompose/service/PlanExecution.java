package dev.jcompose.service;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.ExecutionReport;
import dev.jcompose.executor.Executor;
import dev.jcompose.planner.plan.Plan;
import java.util.LinkedHashSet;
import java.util.List;

/** Runs a plan as every command does: its warnings told first, nothing run on a dry run, the report made an outcome. */
final class PlanExecution {
    private PlanExecution() {}

    static Outcome run(Engine engine, int parallelism, Plan plan, boolean dryRun, Events events) {
        plan.warnings().forEach(events::warning);
        if (dryRun) {
            events.dryRun(plan);
            return Outcome.OK;
        }
        events.executing(plan);
        ExecutionReport report = new Executor(engine, parallelism).execute(plan, events);
        events.executed(plan, report);
        return outcome(report);
    }

    static Outcome outcome(ExecutionReport report) {
        if (report.succeeded()) return new Outcome(Outcome.Status.OK, List.of(), List.of(), report.completed().size());
        var notRun = report.skipped().stream().map(s -> s.action().verb() + " " + s.action().resource()).toList();
        if (report.interrupted()) return new Outcome(Outcome.Status.INTERRUPTED, List.of(), notRun, report.completed().size());
        return new Outcome(Outcome.Status.FAILED, new LinkedHashSet<>(report.failed().values()).stream().toList(), notRun,
                report.completed().size());
    }
}
