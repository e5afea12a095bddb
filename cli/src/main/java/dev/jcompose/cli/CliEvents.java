package dev.jcompose.cli;

import dev.jcompose.executor.ExecutionReport;
import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.executor.ProgressListener;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.service.Events;
import java.time.Instant;

/**
 * The service layer's events as the command line shows them: warnings and progress lines on stderr, a dry run's
 * plan on stdout; with {@code JCOMPOSE_TIMING} set, the timings {@code bench/up.sh} reads.
 */
final class CliEvents implements Events {
    private final Context ctx;
    private final ProgressListener progress;
    private long started;

    CliEvents(Context ctx, ProgressListener progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /** Progress as docker compose's plain lines. */
    static CliEvents plain(Context ctx) {
        return new CliEvents(ctx, new ProgressPrinter(ctx.err()));
    }

    /** Warnings and errors only ({@code --quiet}). */
    static CliEvents quiet(Context ctx) {
        return new CliEvents(ctx, ProgressListener.NONE);
    }

    @Override
    public void warning(String message) {
        ctx.err().println("WARN[0000] " + message);
    }

    @Override
    public void dryRun(Plan plan) {
        ctx.out().print(plan.render());
    }

    @Override
    public void waitingForLock(String project) {
        ctx.err().println("waiting for another jcompose command on project " + project + " to finish...");
    }

    @Override
    public void executing(Plan plan) {
        started = System.nanoTime();
        String launched = ctx.env().get("JCOMPOSE_LAUNCHED_NS");
        if (ctx.env().containsKey("JCOMPOSE_TIMING") && launched != null && launched.matches("\\d+")) {
            // what came before the engine calls: the launcher, the JVM's start, the load, the connection, the state read, the plan
            long now = Instant.now().toEpochMilli() * 1_000_000;
            ctx.err().printf("timing: plan ready %d ms after the launcher started%n", (now - Long.parseLong(launched)) / 1_000_000);
        }
    }

    @Override
    public void executed(Plan plan, ExecutionReport report) {
        if (ctx.env().containsKey("JCOMPOSE_TIMING")) {
            // for bench/up.sh: the wall time of the engine calls alone, to set against the whole command's
            ctx.err().printf("timing: engine calls %d ms for %d steps%n", (System.nanoTime() - started) / 1_000_000, plan.steps().size());
        }
    }

    @Override
    public void on(ProgressEvent event) {
        progress.on(event);
    }
}
