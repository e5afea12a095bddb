package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.ProgressListener;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.Orphans;
import dev.jcompose.planner.RunOptions;
import dev.jcompose.planner.RunOverrides;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.service.RunRequest;
import dev.jcompose.service.RunResult;
import dev.jcompose.service.Stdio;
import dev.jcompose.spec.LoadedProject;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Project;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose run SERVICE [COMMAND...]}: a one-off container of the service, its dependencies brought up first.
 * Attached, it streams the output and exits with the container's code. The flags are docker compose v2's; the values
 * are parsed here ({@link RunArguments}) and applied to the service by the planner ({@link RunOverrides}).
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

    @Option(names = {"-P", "--service-ports"}, description = "Run command with all service's ports enabled and mapped to the host")
    boolean servicePorts;

    @Option(names = {"-p", "--publish"}, paramLabel = "PORT", description = "Publish a container's port(s) to the host (short syntax: [[IP:]HOST:]CONTAINER[/PROTOCOL])")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-v", "--volume"}, paramLabel = "VOLUME", description = "Bind mount a volume (short syntax: SOURCE:TARGET[:MODE]; a relative SOURCE is from the project directory)")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VAL", description = "Add or override a label")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run as specified username or uid")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container")
    String workdir;

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Override the entrypoint of the image (split as a shell would; '' for none)")
    String entrypoint;

    @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container")
    String name;

    @Option(names = "--cap-add", paramLabel = "CAP", description = "Add Linux capabilities")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "CAP", description = "Drop Linux capabilities")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--use-aliases", description = "Use the service's network aliases in the network(s) the container connects to")
    boolean useAliases;

    @Option(names = "--pull", paramLabel = "POLICY", description = "Pull image before running (\"always\"|\"missing\"|\"never\"; default: each service's pull_policy)")
    String pull;

    @Option(names = "--build", description = "Build image before starting container")
    boolean build;

    @Option(names = {"-q", "--quiet"}, description = "Don't print progress, only warnings and errors")
    boolean quiet;

    @Option(names = "--quiet-pull", description = "Pull without printing progress information")
    boolean quietPull;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Option(names = {"-i", "--interactive"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", description = "Keep STDIN open even if not attached (default: true)")
    boolean interactive = true;

    @Option(names = "--dry-run", description = "Print the plans (images, dependencies, the one-off) and change nothing")
    boolean dryRun;

    @Option(names = {"-T", "--no-TTY", "--no-tty"}, description = "Disable pseudo-TTY allocation (by default one is allocated when in a terminal)")
    boolean noTty;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service to run")
    String service;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments (default: the service's)")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Context ctx = root.context();
        if (servicePorts && !publish.isEmpty()) {
            ctx.err().println("--service-ports and --publish are incompatible"); // docker compose's words
            return ExitCodes.USAGE;
        }
        LoadedProject loaded = root.load(Set.of(), List.of(service));
        RunRequest request;
        try {
            request = request(ctx, loaded);
        } catch (RunArguments.Bad e) {
            ctx.err().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        try (Engine engine = root.connect()) {
            CliEvents events = events();
            // a TTY the person types into: raw mode from the attach to the exit, the progress before left as it is
            boolean raw = request.tty() && request.openStdin();
            RunResult result = root.service(engine).run(loaded.project(), request,
                    new Stdio(ctx.in(), bytes -> write(ctx.out(), bytes), bytes -> write(ctx.err(), bytes), () -> RawTerminal.enter(ctx, raw)),
                    events, dryRun);
            int exit = events.exitCode(result.outcome());
            if (dryRun) return exit;
            if (exit != ExitCodes.OK) return exit;
            if (detach) ctx.out().println(result.container());
            return result.exitCode();
        }
    }

    /** The flags as the service layer takes them; a bad value or one the project cannot take is a {@link RunArguments.Bad}. */
    private RunRequest request(Context ctx, LoadedProject loaded) {
        Project project = loaded.project();
        List<PortConfig> ports = RunArguments.ports(publish);
        // -e KEY takes its value as docker compose resolves it: from the environment, .env included
        RunOverrides overrides = new RunOverrides(command, RunArguments.entrypoint(entrypoint),
                RunArguments.environment(env, loaded.environment()),
                servicePorts ? RunOverrides.Ports.ofService() : RunOverrides.Ports.published(ports),
                RunArguments.volumes(volumes, project.workingDir(), ctx.env().get("HOME"), root.events()::warning),
                user, workdir, RunArguments.labels(labels), capAdd, capDrop);
        List<String> problems = overrides.problems(project);
        if (!problems.isEmpty()) throw new RunArguments.Bad("--volume: " + String.join("; ", problems));
        RunOptions options = new RunOptions(noDeps, RunArguments.pull(pull), orphans(loaded.environment()));
        BuildOptions images = build ? BuildOptions.forced(false, false, Map.of()) : BuildOptions.ifMissing();
        // attached, it reads this command's standard input (until it ends), on a TTY when jcompose runs in one
        boolean attachStdin = !detach && interactive;
        return new RunRequest(service, overrides, RunArguments.name(name), useAliases, options, images, detach, attachStdin,
                ctx.terminal() && !noTty, remove);
    }

    /**
     * As docker compose's run: orphans named unless removed, or unless COMPOSE_IGNORE_ORPHANS (from .env too) says to
     * say nothing; its words for true are Go's ParseBool's and {@code y}.
     */
    private Orphans orphans(Map<String, String> env) {
        if (removeOrphans) return Orphans.REMOVE;
        String ignore = env.getOrDefault("COMPOSE_IGNORE_ORPHANS", "").strip().toLowerCase(Locale.ROOT);
        return Set.of("1", "t", "true", "y").contains(ignore) ? Orphans.IGNORE : Orphans.WARN;
    }

    /** The command's progress; none with {@code -q}; none for the pulls with {@code --quiet-pull}. */
    private CliEvents events() {
        CliEvents events = root.events();
        if (quiet) return events.withProgress(ProgressListener.NONE);
        if (!quietPull) return events;
        ProgressListener shown = events.progress();
        return events.withProgress(event -> {
            if (!(event.step().action() instanceof Action.PullImage)) shown.on(event);
        });
    }

    private static void write(PrintStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
