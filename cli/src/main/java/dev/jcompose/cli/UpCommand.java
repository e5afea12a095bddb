package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.Selection;
import dev.jcompose.planner.UpOptions;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.service.Scaling;
import dev.jcompose.service.UpRequest;
import dev.jcompose.spec.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose up}: create and start the project's containers, and what they need. */
@Command(name = "up", description = "Create and start containers")
final class UpCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Mixin
    CreateOptions create;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run containers in the background")
    boolean detach;

    @Option(names = "--dry-run", description = "Print the plan (each engine call and why) and change nothing")
    boolean dryRun;

    @Option(names = "--no-start", description = "Don't start the services after creating them")
    boolean noStart;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Shutdown timeout for containers being replaced (default: the service's stop_grace_period, else 10)")
    // no -t: the engine takes each container's own stop timeout (stop_grace_period), as docker compose leaves it
    int timeout = Action.StopContainer.OWN_TIMEOUT;

    @Option(names = "--wait", description = "Wait for services to be running|healthy. Implies detached mode.")
    boolean waitReady;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Maximum duration to wait for the project to be running|healthy")
    int waitTimeout;

    @Option(names = "--abort-on-container-exit", description = "Stops all containers if any container was stopped. Incompatible with -d")
    boolean abortOnExit;

    @Option(names = "--abort-on-container-failure", description = "Stops all containers if any container exited with failure. Incompatible with -d")
    boolean abortOnFailure;

    @Option(names = "--exit-code-from", paramLabel = "SERVICE", description = "Return the exit code of the selected service container. Implies --abort-on-container-exit")
    String exitCodeFrom;

    @Option(names = "--no-color", description = "Produce monochrome output")
    boolean noColor;

    @Option(names = "--menu", arity = "0..1", paramLabel = "BOOL", description = "Accepted for docker compose compatibility; jcompose has no interactive menu")
    Boolean menu;

    @Option(names = {"-V", "--renew-anon-volumes"}, description = "Recreate anonymous volumes instead of retrieving data from the previous containers")
    boolean renewAnonVolumes;

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Parameters(paramLabel = "SERVICE", description = "Services to start, with their dependencies (default: all)")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Context ctx = root.context();
        String conflict = create.conflict();
        if (conflict != null) {
            ctx.err().println(conflict);
            return ExitCodes.USAGE;
        }
        if (detach && (abortOnExit || abortOnFailure || exitCodeFrom != null)) {
            ctx.err().println("--abort-on-container-exit, --abort-on-container-failure and --exit-code-from are incompatible with -d");
            return ExitCodes.USAGE;
        }
        var loadedProject = root.load(Set.of(), services);
        Project loaded = Scaling.apply(loadedProject.project(), create.scale);
        Project project = noDeps ? loaded.withServices(services.isEmpty() ? loaded.services().keySet() : services)
                : Selection.withDependencies(loaded, services);
        UpOptions options = new UpOptions(create.recreate(), !noStart, create.orphans(services, loadedProject.environment()),
                timeout, renewAnonVolumes, create.pullPolicy(), create.yes);
        BuildOptions buildOptions = create.buildOptions();
        try (Engine engine = root.connect()) {
            CliEvents events = create.events(root.events());
            int exit = events.exitCode(root.service(engine).up(project, new UpRequest(options, buildOptions, waitReady, waitTimeout, dryRun), events));
            if (exit != ExitCodes.OK || dryRun || noStart || waitReady || detach) return exit;
            // attached: the lock is released by now, so that other commands can act on the stack while its logs stream
            return new AttachedUp(root, engine, project, new AttachedUp.Options(timeout, abortOnExit, abortOnFailure, exitCodeFrom, !noColor && root.modes().ansi())).run();
        }
    }
}
