package dev.jcompose.cli;

import dev.jcompose.executor.swarm.SwarmProgressEvent;
import dev.jcompose.executor.swarm.SwarmProgressListener;
import dev.jcompose.planner.swarm.plan.SwarmAction;
import java.io.PrintStream;

/**
 * A swarm plan's progress as plain lines, in the form {@link ProgressPrinter} gives containers:
 * {@code  Service demo_web  Created}, a wait's news as {@code  Service demo_web  | 1 of 2 tasks running}.
 */
final class SwarmProgressPrinter implements SwarmProgressListener {
    private final PrintStream out;

    SwarmProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void on(SwarmProgressEvent event) {
        SwarmAction action = event.step().action();
        if (event instanceof SwarmProgressEvent.Started) {
            line(action, SwarmProgressEvent.doing(action));
        } else if (event instanceof SwarmProgressEvent.Completed) {
            line(action, SwarmProgressEvent.done(action));
        } else if (event instanceof SwarmProgressEvent.Output o) {
            line(action, "| " + o.line());
        } else if (event instanceof SwarmProgressEvent.Warned w) {
            line(action, "Warning");
            w.message().lines().forEach(l -> out.println("WARN[0000] " + l));
        } else if (event instanceof SwarmProgressEvent.Failed f) {
            // the first line only: the whole message comes once, in the summary
            line(action, "Error: " + f.message().lines().findFirst().orElse(""));
        }
    }

    private void line(SwarmAction action, String text) {
        out.println(" " + action.resource() + "  " + text);
    }
}
