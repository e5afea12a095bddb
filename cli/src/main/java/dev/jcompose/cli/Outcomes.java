package dev.jcompose.cli;

import dev.jcompose.service.Outcome;

/** How a command that changed the engine tells its end, in plain text: {@link CliEvents#exitCode} of the plain mode. */
final class Outcomes {
    private Outcomes() {}

    static int exitCode(Context ctx, Outcome outcome) {
        return CliEvents.plain(ctx).exitCode(outcome);
    }
}
