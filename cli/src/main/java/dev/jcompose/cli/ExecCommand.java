package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.service.ComposeService;
import dev.jcompose.executor.ExecSpec;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.spec.model.Project;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * {@code jcompose exec SERVICE COMMAND...}: runs a command in a running container of the service and exits with its
 * code. Standard input is passed on (unless {@code -i=false} or {@code -d}); a TTY is allocated only when jcompose
 * itself runs in a terminal and {@code -T} is not given, as docker compose does.
 */
@Command(name = "exec", description = "Execute a command in a running container")
final class ExecCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run the command in the background")
    boolean detach;

    @Option(names = {"-T", "--no-tty", "--no-TTY"}, description = "Disable pseudo-TTY allocation (by default one is allocated when in a terminal)")
    boolean noTty;

    @Option(names = {"-i", "--interactive"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", description = "Keep STDIN open (default: true)")
    boolean interactive = true;

    @Option(names = "--index", paramLabel = "N", description = "Index of the container if the service has several (default: 1)")
    int index = 1;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run the command as this user")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Path to the working directory for this command")
    String workdir;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = "--privileged", description = "Give extended privileges to the process")
    boolean privileged;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service whose container runs the command")
    String service;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        Context ctx = root.context();
        Project project = root.load(Set.of(), List.of(service)).project();
        if (project.service(service) == null) {
            ctx.err().println("no such service: " + service);
            return ExitCodes.INVALID_PROJECT;
        }
        SortedMap<String, String> environment = new TreeMap<>();
        for (String kv : env) {
            int eq = kv.indexOf('=');
            if (eq > 0) environment.put(kv.substring(0, eq), kv.substring(eq + 1));
            else if (ctx.env().containsKey(kv)) environment.put(kv, ctx.env().get(kv));
        }
        try (Engine engine = root.connect()) {
            ComposeService compose = root.service(engine);
            Optional<ObservedContainer> target = compose.containers(project.name()).stream()
                    .filter(c -> c.service().equals(service) && !c.oneoff() && c.number() == index).findFirst();
            if (target.isEmpty() || !target.get().state().equals("running")) {
                ctx.err().println("service \"" + service + "\" is not running" + (index != 1 ? " (container #" + index + ")" : ""));
                return ExitCodes.FAILED;
            }
            boolean tty = ctx.terminal() && !noTty;
            // a TTY the person types into: keys go to the container as typed, until it ends (then the terminal is as it
            // was), and the exec's TTY follows the window's size
            try (RawTerminal terminal = RawTerminal.enter(ctx, tty && interactive && !detach)) {
                ExecSpec spec = new ExecSpec(command, user, workdir, environment, privileged, tty, detach, terminal.sizes());
                return compose.exec(target.get().name(), spec, interactive && !detach ? ctx.in() : null,
                        bytes -> write(ctx.out(), bytes), bytes -> write(ctx.err(), bytes));
            }
        }
    }

    private static void write(PrintStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
