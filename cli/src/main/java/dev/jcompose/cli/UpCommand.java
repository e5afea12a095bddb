package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.Orphans;
import dev.jcompose.planner.PullPolicy;
import dev.jcompose.planner.Recreate;
import dev.jcompose.planner.Selection;
import dev.jcompose.planner.UpOptions;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.service.Scaling;
import dev.jcompose.service.UpRequest;
import dev.jcompose.spec.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run containers in the background")
    boolean detach;

    @Option(names = "--dry-run", description = "Print the plan (each engine call and why) and change nothing")
    boolean dryRun;

    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration has not changed")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them")
    boolean noRecreate;

    @Option(names = "--no-start", description = "Don't start the services after creating them")
    boolean noStart;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

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

    @Option(names = "--menu", arity = "0..1", paramLabel = "BOOL", description = "Accepted for docker compose compatibility; jcompose has no interactive menu")
    Boolean menu;

    @Option(names = {"-V", "--renew-anon-volumes"}, description = "Recreate anonymous volumes instead of retrieving data from the previous containers")
    boolean renewAnonVolumes;

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM instances; overrides the scale setting in the file")
    List<String> scale = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Assume \"yes\" as answer to all prompts: recreate a named volume whose definition changed (its data is lost)")
    boolean yes;

    @Option(names = "--build", description = "Build images before starting containers")
    boolean build;

    @Option(names = "--no-build", description = "Don't build an image, even if it's missing")
    boolean noBuild;

    @Option(names = "--pull", paramLabel = "POLICY", description = "Pull image before running (\"always\"|\"missing\"|\"never\")")
    String pull;

    @Parameters(paramLabel = "SERVICE", description = "Services to start, with their dependencies (default: all)")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Context ctx = root.context();
        if (forceRecreate && noRecreate) {
            ctx.err().println("--force-recreate and --no-recreate are incompatible");
            return ExitCodes.USAGE;
        }
        if (build && noBuild) {
            ctx.err().println("--build and --no-build are incompatible");
            return ExitCodes.USAGE;
        }
        if (pull != null && PullPolicy.ofFlag(pull).isEmpty()) {
            ctx.err().println("invalid --pull value \"" + pull + "\": use always, missing or never");
            return ExitCodes.USAGE;
        }
        if (detach && (abortOnExit || abortOnFailure || exitCodeFrom != null)) {
            ctx.err().println("--abort-on-container-exit, --abort-on-container-failure and --exit-code-from are incompatible with -d");
            return ExitCodes.USAGE;
        }
        var loadedProject = root.load(Set.of(), services);
        // COMPOSE_REMOVE_ORPHANS counts from .env too, as the other COMPOSE_* settings
        Map<String, String> loadedEnv = loadedProject.environment();
        Project loaded = Scaling.apply(loadedProject.project(), scale);
        Project project = noDeps ? loaded.withServices(services.isEmpty() ? loaded.services().keySet() : services)
                : Selection.withDependencies(loaded, services);
        boolean orphans = removeOrphans || Boolean.parseBoolean(loadedEnv.getOrDefault("COMPOSE_REMOVE_ORPHANS", "false"));
        // with services named, the others' containers are not orphans: they are simply not this command's business
        Orphans orphanPolicy = !services.isEmpty() ? Orphans.IGNORE : orphans ? Orphans.REMOVE : Orphans.WARN;
        Recreate recreate = forceRecreate ? Recreate.FORCE : noRecreate ? Recreate.NEVER : Recreate.DIVERGED;
        UpOptions options = new UpOptions(recreate, !noStart, orphanPolicy, timeout, renewAnonVolumes,
                pull == null ? PullPolicy.SERVICE : PullPolicy.ofFlag(pull).orElseThrow(), yes);
        BuildOptions buildOptions = noBuild ? BuildOptions.never() : build ? BuildOptions.forced(false, false, Map.of()) : BuildOptions.ifMissing();
        try (Engine engine = root.connect()) {
            int exit = Outcomes.exitCode(ctx, root.service(engine).up(project,
                    new UpRequest(options, buildOptions, waitReady, waitTimeout, dryRun), root.events()));
            if (exit != ExitCodes.OK || dryRun || noStart || waitReady || detach) return exit;
            // attached: the lock is released by now, so that other commands can act on the stack while its logs stream
            return new AttachedUp(root, engine, project, new AttachedUp.Options(timeout, abortOnExit, abortOnFailure, exitCodeFrom)).run();
        }
    }
}
