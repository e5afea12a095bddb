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

    /** Every command, in the order help lists them. */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(UpCommand.class, DownCommand.class, PsCommand.class,
            LifecycleCommands.Start.class, LifecycleCommands.Stop.class, LifecycleCommands.Restart.class,
            LifecycleCommands.Pause.class, LifecycleCommands.Unpause.class, LifecycleCommands.Rm.class, ScaleCommand.class,
            RunCommand.class, ExecCommand.class, WaitCommand.class, LsCommand.class, BuildCommand.class, ImagesCommand.class,
            PullCommand.class, PushCommand.class, PruneCommand.class, ConfigCommand.class, VersionCommand.class);

    /** The commands that talk to the engine: they connect while their files are read. */
    private static final java.util.Set<String> ENGINE_COMMANDS = java.util.Set.of("up", "down", "ps", "start", "stop", "restart",
            "pause", "unpause", "rm", "scale", "run", "exec", "wait", "ls", "build", "images", "pull", "push", "prune");

    /** The global options that take a value, as {@link RootCommand} declares them (a test holds the two together). */
    static final java.util.Set<String> VALUED_GLOBAL_OPTIONS = java.util.Set.of("-f", "--file", "-p", "--project-name",
            "--project-directory", "--env-file", "--profile", "--parallel");

    public static int run(String[] args, Context context) {
        String word = commandWord(args);
        boolean help = java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h");
        // first of all, before picocli reads a single annotation: the connection is the longest part of a cold start
        EarlyConnection connection = word != null && ENGINE_COMMANDS.contains(word) && !help
                ? EarlyConnection.start(context) : EarlyConnection.none();
        try {
            CommandLine cmd = commandLine(context, word);
            RootCommand root = cmd.getCommand();
            root.connectingEarly(connection);
            return cmd.execute(args);
        } finally {
            connection.closeUnused();
        }
    }

    /** The whole command line, every command in it. */
    public static CommandLine commandLine(Context context) {
        return commandLine(context, null);
    }

    /**
     * The command line for the command {@code word} names ({@link #commandWord}). picocli reads every command's
     * annotations when it is added, a tenth of a second of a start for commands that will not run; so only that
     * command is added, and all of them when the word is null or names none (help, a typo to suggest a fix for).
     */
    static CommandLine commandLine(Context context, String word) {
        CommandLine cmd = new CommandLine(new RootCommand(context));
        boolean known = word != null && COMMANDS.stream().anyMatch(c -> name(c).equals(word));
        for (Class<?> c : COMMANDS) if (!known || name(c).equals(word)) cmd.addSubcommand(c);
        cmd.setOut(new PrintWriter(context.out(), true));
        cmd.setErr(new PrintWriter(context.err(), true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((ex, command, parseResult) -> report(ex, context));
        // everything after `run SERVICE` is the command to run, options included (`run web sh -c 'echo hi'`)
        for (String name : java.util.List.of("run", "exec")) {
            if (cmd.getSubcommands().containsKey(name)) cmd.getSubcommands().get(name).setStopAtPositional(true);
        }
        return cmd;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(CommandLine.Command.class).name();
    }

    /** The first argument that is neither a global option nor an option's value: the command, or null. */
    static String commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) return null;
            if (!a.startsWith("-") || a.equals("-")) return a;
            if (VALUED_GLOBAL_OPTIONS.contains(a)) i++;
        }
        return null;
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
