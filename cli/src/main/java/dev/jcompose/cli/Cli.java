package dev.jcompose.cli;

import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineUnavailableException;
import dev.jcompose.planner.ConflictException;
import dev.jcompose.planner.PlanException;
import dev.jcompose.service.LockRefusedException;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Diagnostic;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** Builds the command line and wires its streams, error handling and exit codes: the one place that does. */
public final class Cli {
    private Cli() {}

    /** A command, and whether it talks to the engine (then it connects while its files are read). */
    private record Entry(Class<?> command, boolean engine) {}

    /** Every command, in the order help lists them: the one list of them. */
    private static final List<Entry> ENTRIES = List.of(engine(UpCommand.class), engine(CreateCommand.class), engine(DeployCommand.class), engine(DownCommand.class), engine(PsCommand.class),
            engine(LogsCommand.class), engine(PortCommand.class), engine(TopCommand.class), engine(CpCommand.class), engine(EventsCommand.class),
            engine(StatsCommand.class), engine(VolumesCommand.class), engine(LifecycleCommands.Start.class), engine(LifecycleCommands.Stop.class),
            engine(LifecycleCommands.Restart.class), engine(LifecycleCommands.Pause.class), engine(LifecycleCommands.Unpause.class),
            engine(LifecycleCommands.Rm.class), engine(KillCommand.class), engine(ScaleCommand.class), engine(RunCommand.class), engine(ExecCommand.class), engine(AttachCommand.class),
            engine(WaitCommand.class), engine(LsCommand.class), engine(BuildCommand.class), engine(ImagesCommand.class),
            engine(PullCommand.class), engine(PushCommand.class), engine(PruneCommand.class),
            new Entry(ConfigCommand.class, false), new Entry(VersionCommand.class, false), new Entry(CompletionCommand.class, false));

    private static Entry engine(Class<?> command) {
        return new Entry(command, true);
    }

    /** Whether the command {@code word} names talks to the engine. */
    static boolean needsEngine(String word) {
        return ENTRIES.stream().anyMatch(e -> e.engine() && name(e.command()).equals(word));
    }

    /** The global options that take a value, as {@link RootCommand} declares them (a test holds the two together). */
    static final Set<String> VALUED_GLOBAL_OPTIONS = Set.of("-f", "--file", "-p", "--project-name",
            "--project-directory", "--env-file", "--profile", "--parallel", "--progress", "--ansi");

    public static int run(String[] args, Context context) {
        String word = commandWord(args);
        boolean help = Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
        // first of all, before picocli reads a single annotation: the connection is the longest part of a cold start
        EarlyConnection connection = word != null && needsEngine(word) && !help
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
        RootCommand root = new RootCommand(context);
        CommandLine cmd = new CommandLine(root);
        boolean known = word != null && ENTRIES.stream().anyMatch(e -> name(e.command()).equals(word));
        for (Entry e : ENTRIES) if (!known || name(e.command()).equals(word)) cmd.addSubcommand(e.command());
        cmd.setOut(new PrintWriter(context.out(), true));
        cmd.setErr(new PrintWriter(context.err(), true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        HelpExamples.addTo(cmd);
        cmd.setExecutionExceptionHandler((ex, command, parseResult) -> report(ex, context, root));
        // everything after `run SERVICE` is the command to run, options included (`run web sh -c 'echo hi'`)
        for (String name : List.of("run", "exec")) {
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

    /**
     * Prints an error for a person (as JSON with {@code --progress json}, for a script) and picks the exit code; a
     * stack trace only when JCOMPOSE_DEBUG is set.
     */
    static int report(Exception ex, Context context, RootCommand root) {
        if (ex instanceof OutputModes.Invalid) {
            context.err().println(ex.getMessage());
            return ExitCodes.USAGE;
        }
        CliEvents events;
        try {
            events = root.events();
        } catch (OutputModes.Invalid e) {
            events = CliEvents.plain(context);
        }
        if (events.json()) {
            String message = ex instanceof ComposeException ce
                    ? String.join("\n", ce.diagnostics().stream().map(Diagnostic::format).toList()) : String.valueOf(ex.getMessage());
            events.error(message);
            return exitCode(ex);
        }
        return report(ex, context);
    }

    private static int exitCode(Exception ex) {
        if (ex instanceof ComposeException || ex instanceof PlanException) return ExitCodes.INVALID_PROJECT;
        if (ex instanceof EngineUnavailableException) return ExitCodes.ENGINE_UNAVAILABLE;
        return ExitCodes.FAILED;
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
        if (ex instanceof ConflictException) {
            context.err().println(ex.getMessage());
            return ExitCodes.FAILED;
        }
        if (ex instanceof EngineUnavailableException) {
            context.err().println(ex.getMessage());
            return ExitCodes.ENGINE_UNAVAILABLE;
        }
        if (ex instanceof EngineException || ex instanceof LockRefusedException) {
            context.err().println(ex.getMessage());
            return ExitCodes.FAILED;
        }
        context.err().println("jcompose: internal error: " + ex);
        if (context.env().containsKey("JCOMPOSE_DEBUG")) ex.printStackTrace(context.err());
        else context.err().println("(set JCOMPOSE_DEBUG=1 for the stack trace, and please report it)");
        return ExitCodes.FAILED;
    }
}
