package dev.jcompose.cli;

import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.executor.ProgressListener;
import java.io.PrintStream;

/** Renders progress events as docker compose's plain progress lines: {@code  Container demo-web-1  Started}. */
final class ProgressPrinter implements ProgressListener {
    private final PrintStream out;

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void on(ProgressEvent event) {
        var action = event.step().action();
        if (event instanceof ProgressEvent.Started) {
            out.println(" " + action.resource() + "  " + action.doing());
        } else if (event instanceof ProgressEvent.Completed) {
            out.println(" " + action.resource() + "  " + action.done());
        } else if (event instanceof ProgressEvent.Output o) {
            out.println(" " + action.resource() + "  | " + o.line());
        } else if (event instanceof ProgressEvent.Warned w) {
            out.println(" " + action.resource() + "  Warning");
            out.println("WARN[0000] " + w.message());
        } else if (event instanceof ProgressEvent.Failed f) {
            // the first line only: the whole message (a build's output) comes once, in the summary
            out.println(" " + action.resource() + "  Error: " + f.message().lines().findFirst().orElse(""));
        }
    }
}
