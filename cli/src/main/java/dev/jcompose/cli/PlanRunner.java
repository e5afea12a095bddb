package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.ExecutionReport;
import dev.jcompose.executor.Executor;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import java.util.stream.Collectors;

/** Shared by the commands that carry out a plan: warnings, --dry-run, execution, and the summary of a failure. */
final class PlanRunner {
    private PlanRunner() {}

    static int run(RootCommand root, Engine engine, Plan plan, boolean dryRun) {
        return run(root, engine, plan, dryRun, new ProgressPrinter(root.context().err()));
    }

    static int run(RootCommand root, Engine engine, Plan plan, boolean dryRun, dev.jcompose.executor.ProgressListener progress) {
        Context ctx = root.context();
        for (String w : plan.warnings()) ctx.err().println("WARN[0000] " + w);
        if (dryRun) {
            ctx.out().print(plan.render());
            return ExitCodes.OK;
        }
        long started = System.nanoTime();
        String launched = ctx.env().get("JCOMPOSE_LAUNCHED_NS");
        if (ctx.env().containsKey("JCOMPOSE_TIMING") && launched != null && launched.matches("\\d+")) {
            // what came before the engine calls: the launcher, the JVM's start, the load, the connection, the state read, the plan
            long now = java.time.Instant.now().toEpochMilli() * 1_000_000;
            ctx.err().printf("timing: plan ready %d ms after the launcher started%n", (now - Long.parseLong(launched)) / 1_000_000);
        }
        ExecutionReport report = new Executor(engine, root.parallelism()).execute(plan, progress);
        if (ctx.env().containsKey("JCOMPOSE_TIMING")) {
            // for bench/up.sh: the wall time of the engine calls alone, to set against the whole command's
            ctx.err().printf("timing: engine calls %d ms for %d steps%n", (System.nanoTime() - started) / 1_000_000, plan.steps().size());
        }
        if (report.succeeded()) return ExitCodes.OK;
        if (report.interrupted()) {
            ctx.err().println("interrupted: " + report.completed().size() + " steps done, " + report.skipped().size() + " not run");
            return ExitCodes.INTERRUPTED;
        }
        // several containers can fail for one reason (a --wait timeout): say it once
        new java.util.LinkedHashSet<>(report.failed().values()).forEach(m -> ctx.err().println("Error: " + m));
        if (!report.skipped().isEmpty()) {
            ctx.err().println("not run because of the error: " + report.skipped().stream()
                    .map(s -> s.action().verb() + " " + s.action().resource()).collect(Collectors.joining(", ")));
        }
        return ExitCodes.FAILED;
    }
}
