package dev.jcompose.cli;

import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineUnavailableException;
import dev.jcompose.planner.PlanException;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Diagnostic;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line and wires its streams, error handling and exit codes: the one place that does. */
public final class Cli {
    private Cli() {}

    public static int run(String[] args, Context context) {
        return commandLine(context).execute(args);
    }

    public static CommandLine commandLine(Context context) {
        CommandLine cmd = new CommandLine(new RootCommand(context));
        cmd.setOut(new PrintWriter(context.out(), true));
        cmd.setErr(new PrintWriter(context.err(), true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((ex, command, parseResult) -> report(ex, context));
        // everything after `run SERVICE` is the command to run, options included (`run web sh -c 'echo hi'`)
        cmd.getSubcommands().get("run").setStopAtPositional(true);
        cmd.getSubcommands().get("exec").setStopAtPositional(true);
        return cmd;
    }

    /** Prints an error for a person and picks the exit code; a stack trace only when JCOMPOSE_DEBUG is set. */
    static int report(Exception ex, Context context) {
        if (ex instanceof ComposeException ce) {
            for (Diagnostic d : ce.diagnostics()) context.err().println(d.format());
            return ExitCodes.INVALID_PROJECT;
        }
        if (ex instanceof PlanException) {
            context.err().println(ex.getMessage());
            return ExitCodes.INVALID_PROJECT;
        }
        if (ex instanceof dev.jcompose.planner.ConflictException) {
            context.err().println(ex.getMessage());
            return ExitCodes.FAILED;
        }
        if (ex instanceof EngineUnavailableException) {
            context.err().println(ex.getMessage());
            return ExitCodes.ENGINE_UNAVAILABLE;
        }
        if (ex instanceof EngineException) {
            context.err().println(ex.getMessage());
            return ExitCodes.FAILED;
        }
        context.err().println("jcompose: internal error: " + ex);
        if (context.env().containsKey("JCOMPOSE_DEBUG")) ex.printStackTrace(context.err());
        else context.err().println("(set JCOMPOSE_DEBUG=1 for the stack trace, and please report it)");
        return ExitCodes.FAILED;
    }
}
