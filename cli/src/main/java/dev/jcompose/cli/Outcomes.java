package dev.jcompose.cli;

import dev.jcompose.service.Outcome;

/** How a command that changed the engine tells its end: the errors once each, what was not run, and the exit code. */
final class Outcomes {
    private Outcomes() {}

    static int exitCode(Context ctx, Outcome outcome) {
        switch (outcome.status()) {
            case OK -> {
                return ExitCodes.OK;
            }
            case INTERRUPTED -> {
                ctx.err().println("interrupted: " + outcome.done() + " steps done, " + outcome.notRun().size() + " not run");
                return ExitCodes.INTERRUPTED;
            }
            default -> {
                outcome.errors().forEach(m -> ctx.err().println("Error: " + m));
                if (!outcome.notRun().isEmpty()) {
                    ctx.err().println("not run because of the error: " + String.join(", ", outcome.notRun()));
                }
                return ExitCodes.FAILED;
            }
        }
    }
}
