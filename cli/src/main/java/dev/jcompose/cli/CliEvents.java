package dev.jcompose.cli;

import dev.jcompose.executor.ExecutionReport;
import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.executor.ProgressListener;
import dev.jcompose.executor.swarm.SwarmProgressEvent;
import dev.jcompose.executor.swarm.SwarmProgressListener;
import dev.jcompose.executor.swarm.SwarmReport;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.service.Outcome;
import dev.jcompose.service.swarm.StackEvents;
import java.time.Instant;

/**
 * The service layer's events as the command line shows them, in the progress mode the command runs with
 * ({@link OutputModes}): progress, warnings and errors on stderr (plain lines, the live view, or JSON), a dry run's plan
 * on stdout; with {@code JCOMPOSE_TIMING} set, the timings {@code bench/up.sh} reads. A swarm plan's progress as plain
 * lines (also under the live view, which knows container plans only), or JSON.
 */
final class CliEvents implements StackEvents {
    private final Context ctx;
    private final ProgressListener progress;
    private final JsonProgress json;
    private final TtyProgress tty;
    private long started;

    private CliEvents(Context ctx, ProgressListener progress, JsonProgress json, TtyProgress tty) {
        this.ctx = ctx;
        this.progress = progress;
        this.json = json;
        this.tty = tty;
    }

    /** The events as {@code modes} shows them. */
    static CliEvents of(Context ctx, OutputModes modes) {
        return switch (modes.progress()) {
            case JSON -> {
                JsonProgress j = new JsonProgress(ctx.err(), ctx.clock());
                yield new CliEvents(ctx, j, j, null);
            }
            case TTY -> {
                TtyProgress t = new TtyProgress(ctx.err(), columns(ctx));
                yield new CliEvents(ctx, t, null, t);
            }
            case QUIET -> new CliEvents(ctx, ProgressListener.NONE, null, null);
            default -> plain(ctx);
        };
    }

    /** Progress as docker compose's plain lines. */
    static CliEvents plain(Context ctx) {
        return new CliEvents(ctx, new ProgressPrinter(ctx.err()), null, null);
    }

    /** These events with progress shown by {@code listener} instead ({@code -q}, {@code --quiet-pull}); warnings and errors as before. */
    CliEvents withProgress(ProgressListener listener) {
        return new CliEvents(ctx, listener, json, tty);
    }

    /** Whether this is {@code --progress json}. */
    boolean json() {
        return json != null;
    }

    /** The progress listener of this mode, for a caller that filters what it is shown. */
    ProgressListener progress() {
        return progress;
    }

    private static int columns(Context ctx) {
        try {
            return Integer.parseInt(ctx.env().getOrDefault("COLUMNS", "80").strip());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public void warning(String message) {
        if (json != null) json.warning(message);
        else ctx.err().println("WARN[0000] " + message);
    }

    /** An error for the person (or, in JSON mode, the script) to read. */
    void error(String message) {
        if (json != null) json.error(message);
        else ctx.err().println("Error: " + message);
    }

    /** How a command that changed the engine tells its end: the errors once each, what was not run, the exit code. */
    int exitCode(Outcome outcome) {
        switch (outcome.status()) {
            case OK -> {
                return ExitCodes.OK;
            }
            case INTERRUPTED -> {
                String m = "interrupted: " + outcome.done() + " steps done, " + outcome.notRun().size() + " not run";
                if (json != null) json.error(m);
                else ctx.err().println(m);
                return ExitCodes.INTERRUPTED;
            }
            default -> {
                outcome.errors().forEach(this::error);
                if (!outcome.notRun().isEmpty()) {
                    String m = "not run because of the error: " + String.join(", ", outcome.notRun());
                    if (json != null) json.error(m);
                    else ctx.err().println(m);
                }
                return ExitCodes.FAILED;
            }
        }
    }

    @Override
    public void dryRun(Plan plan) {
        ctx.out().print(plan.render());
    }

    @Override
    public void waitingForLock(String project) {
        String m = "waiting for another jcompose command on project " + project + " to finish...";
        if (json != null) json.warning(m);
        else ctx.err().println(m);
    }

    @Override
    public void waitingForNetworkLock(String network) {
        String m = "waiting for another jcompose command on network " + network + " to finish...";
        if (json != null) json.warning(m);
        else ctx.err().println(m);
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
        if (tty != null && !plan.isEmpty()) tty.begin();
    }

    @Override
    public void executed(Plan plan, ExecutionReport report) {
        if (tty != null && !plan.isEmpty()) tty.end();
        if (ctx.env().containsKey("JCOMPOSE_TIMING")) {
            // for bench/up.sh: the wall time of the engine calls alone, to set against the whole command's
            ctx.err().printf("timing: engine calls %d ms for %d steps%n", (System.nanoTime() - started) / 1_000_000, plan.steps().size());
        }
    }

    @Override
    public void on(ProgressEvent event) {
        progress.on(event);
    }

    /** The swarm progress of this mode: none when quiet (or when progress is filtered, as {@code -q}), JSON, or lines. */
    private SwarmProgressListener swarmProgress() {
        if (progress == ProgressListener.NONE) return SwarmProgressListener.NONE;
        if (json != null) return json::swarm;
        return new SwarmProgressPrinter(ctx.err());
    }

    @Override
    public void on(SwarmProgressEvent event) {
        swarmProgress().on(event);
    }

    @Override
    public void dryRun(SwarmPlan plan) {
        ctx.out().print(plan.render());
    }

    @Override
    public void executing(SwarmPlan plan) {
        started = System.nanoTime();
    }

    @Override
    public void executed(SwarmPlan plan, SwarmReport report) {
        if (ctx.env().containsKey("JCOMPOSE_TIMING")) {
            ctx.err().printf("timing: engine calls %d ms for %d swarm steps%n", (System.nanoTime() - started) / 1_000_000, plan.steps().size());
        }
    }
}
