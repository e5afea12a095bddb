package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.service.RunRequest;
import dev.jcompose.service.RunResult;
import dev.jcompose.service.Stdio;
import dev.jcompose.spec.model.Project;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose run SERVICE [COMMAND...]}: a one-off container of the service, its dependencies brought up first.
 * Attached, it streams the output and exits with the container's code; stdin is not attached yet.
 */
@Command(name = "run", description = "Run a one-off command on a service")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-d", "--detach"}, description = "Run container in background and print container name")
    boolean detach;

    @Option(names = "--rm", description = "Automatically remove the container when it exits")
    boolean remove;

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Option(names = "--service-ports", description = "Run command with the service's ports published")
    boolean servicePorts;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-i", "--interactive"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", description = "Keep STDIN open even if not attached (default: true)")
    boolean interactive = true;

    @Option(names = {"-T", "--no-TTY", "--no-tty"}, description = "Disable pseudo-TTY allocation (by default one is allocated when in a terminal)")
    boolean noTty;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service to run")
    String service;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments (default: the service's)")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Context ctx = root.context();
        Project loaded = root.load(Set.of(), List.of(service)).project();
        SortedMap<String, String> extra = new TreeMap<>();
        for (String kv : env) {
            int eq = kv.indexOf('=');
            if (eq > 0) extra.put(kv.substring(0, eq), kv.substring(eq + 1));
            else if (ctx.env().containsKey(kv)) extra.put(kv, ctx.env().get(kv));
        }
        // attached, it reads this command's standard input (until it ends), on a TTY when jcompose runs in one
        boolean attachStdin = !detach && interactive;
        RunRequest request = new RunRequest(service, command, extra, servicePorts, noDeps, detach, attachStdin,
                ctx.terminal() && !noTty, remove);
        try (Engine engine = root.connect()) {
            RunResult result = root.service(engine).run(loaded, request,
                    new Stdio(ctx.in(), bytes -> write(ctx.out(), bytes), bytes -> write(ctx.err(), bytes)), root.events());
            int exit = Outcomes.exitCode(ctx, result.outcome());
            if (exit != ExitCodes.OK) return exit;
            if (detach) ctx.out().println(result.container());
            return result.exitCode();
        }
    }

    private static void write(PrintStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
