package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.ServiceGraph;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.ProjectLock;
import dev.jcompose.service.swarm.StackService;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.LoadedProject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jcompose}: the options every command shares, as docker compose puts them before the command. */
@Command(name = "jcompose", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Define and run multi-container applications with the Docker engine (Compose Specification).",
        synopsisSubcommandLabel = "COMMAND")
public final class RootCommand implements Callable<Integer> {
    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Compose configuration files (repeatable; default: compose.yaml in this or a parent folder)")
    List<String> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name")
    String projectName;

    @Option(names = "--project-directory", paramLabel = "DIR", description = "Alternate working directory (default: the first file's folder)")
    Path projectDirectory;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Alternate environment files (repeatable; default: .env in the project directory)")
    List<String> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Activate a profile (repeatable; default: COMPOSE_PROFILES)")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", description = "How many engine calls run at once (default: COMPOSE_PARALLEL_LIMIT or 8)")
    Integer parallel;

    @Option(names = "--progress", paramLabel = "TYPE", description = "Set type of progress output (auto, tty, plain, json, quiet; default: COMPOSE_PROGRESS or auto)")
    String progress;

    @Option(names = "--ansi", paramLabel = "WHEN", description = "Control when to print ANSI control characters (never, always, auto; default: COMPOSE_ANSI or auto)")
    String ansi;

    /** The command's events, made once: the live view keeps its lines between the plans of one command. */
    private CliEvents events;

    public RootCommand(Context context) {
        this.context = context;
    }

    public Context context() {
        return context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.out());
        return ExitCodes.USAGE;
    }

    LoadOptions loadOptions(Set<LoadOptions.Skip> skip, List<String> targets) {
        return new LoadOptions(files, context.cwd(), projectDirectory, projectName, envFiles, context.env(), skip,
                profiles, targets);
    }

    /** Loads the project and prints the load's warnings to stderr. */
    LoadedProject load() {
        return load(Set.of(), List.of());
    }

    /**
     * Every command sees the same valid project: a dependency cycle is an invalid project for all of them.
     *
     * @param targets the services the command names: they are enabled whatever their profiles
     */
    LoadedProject load(Set<LoadOptions.Skip> skip, List<String> targets) {
        LoadedProject loaded = ComposeLoader.load(loadOptions(skip, targets));
        if (!skip.contains(LoadOptions.Skip.CONSISTENCY)) ServiceGraph.of(loaded.project());
        for (String w : loaded.warnings()) events().warning(w);
        return loaded;
    }

    /**
     * The name of the project a reading command looks at: the loaded project's, or, when {@code -p} is given without
     * {@code -f} and there is no file to load, {@code -p}'s alone (the containers' labels say the rest).
     */
    String projectNameForReading(List<String> targets) {
        try {
            return load(Set.of(), targets).project().name();
        } catch (ComposeException e) {
            if (projectName == null || !files.isEmpty()) throw e;
            return projectName;
        }
    }

    /** The connection a command takes: started by {@link Cli#run} before the command line was even built, or none. */
    private EarlyConnection early = EarlyConnection.none();

    void connectingEarly(EarlyConnection connection) {
        this.early = connection;
    }

    Engine connect() {
        return early.take(context);
    }

    /** The service layer over a connection: what the commands that change the engine call. */
    ComposeService service(Engine engine) {
        return new ComposeService(engine, new ComposeService.Settings(parallelism(), ProjectLock.directory(context.env())));
    }

    /** The swarm half of the service layer over a connection to a manager; {@code --node-host} engines are connected as the environment says, with their own DOCKER_HOST. */
    StackService stacks(Engine engine) {
        // the waits' timeouts are real time, whatever clock the context reads dates with
        return new StackService(service(engine), host -> {
            Map<String, String> env = new HashMap<>(context.env());
            env.put("DOCKER_HOST", host);
            return context.engines().connect(env);
        }, Clock.systemUTC());
    }

    /** How progress, warnings and errors are shown ({@code --progress}, {@code --ansi}); an invalid value is a usage error. */
    synchronized CliEvents events() {
        if (events == null) events = CliEvents.of(context, modes());
        return events;
    }

    OutputModes modes() {
        return OutputModes.resolve(progress, ansi, context.env(), context.terminal());
    }

    int parallelism() {
        if (parallel != null) return Math.max(1, parallel);
        String fromEnv = context.env().get("COMPOSE_PARALLEL_LIMIT");
        if (fromEnv != null) {
            try {
                return Math.max(1, Integer.parseInt(fromEnv.strip()));
            } catch (NumberFormatException e) {
                context.err().println("WARN[0000] COMPOSE_PARALLEL_LIMIT=" + fromEnv + " is not a number; using 8");
            }
        }
        return 8;
    }
}
