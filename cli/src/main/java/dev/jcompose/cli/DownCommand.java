package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.DownOptions;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.service.DownRequest;
import dev.jcompose.service.swarm.StackDownRequest;
import dev.jcompose.service.swarm.StackService;
import dev.jcompose.service.swarm.StackWait;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.model.Project;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose down}: stop and remove the project's containers and networks; volumes only with -v. A project
 * deployed as a stack on this engine's swarm ({@code jcompose deploy}) is removed as {@code docker stack rm} removes
 * it (its services, networks, configs and secrets); when it also has containers of its own, those go too.
 */
@Command(name = "down", description = "Stop and remove containers, networks")
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-v", "--volumes"}, description = "Remove named volumes declared in the project and anonymous volumes attached to containers")
    boolean volumes;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Shutdown timeout in seconds (default: the service's stop_grace_period, else 10)")
    // no -t: the engine takes each container's own stop timeout (stop_grace_period), as docker compose leaves it
    int timeout = Action.StopContainer.OWN_TIMEOUT;

    @Option(names = "--rmi", paramLabel = "TYPE", description = "Remove images used by services: \"local\" removes only images that don't have a custom tag (\"local\"|\"all\"); both remove the project's dangling images")
    String rmi;

    @Option(names = "--dry-run", description = "Print the plan and change nothing")
    boolean dryRun;

    @Option(names = "--wait", description = "A stack: wait until its task containers on this engine are gone")
    boolean waitGone;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Maximum duration of --wait (default: no limit)")
    int waitTimeout;

    @Override
    public Integer call() {
        if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
            root.context().err().println("invalid --rmi value \"" + rmi + "\": use local or all");
            return ExitCodes.USAGE;
        }
        if (waitTimeout < 0 || (waitTimeout > 0 && !waitGone)) {
            root.context().err().println(waitTimeout < 0 ? "--wait-timeout cannot be negative: " + waitTimeout : "--wait-timeout needs --wait");
            return ExitCodes.USAGE;
        }
        Project project = null;
        String name = root.projectName;
        Map<String, String> loadedEnv = root.context().env();
        try {
            var loaded = root.load();
            project = loaded.project();
            loadedEnv = loaded.environment();
            name = project.name();
        } catch (ComposeException e) {
            // `down -p NAME` works without a Compose file, from the containers' labels alone, as docker compose does
            if (name == null || !root.files.isEmpty()) throw e;
        }
        boolean orphans = removeOrphans || Boolean.parseBoolean(loadedEnv.getOrDefault("COMPOSE_REMOVE_ORPHANS", "false"));
        DownRequest.RemoveImages images = rmi == null ? DownRequest.RemoveImages.NONE
                : DownRequest.RemoveImages.valueOf(rmi.toUpperCase(Locale.ROOT));
        DownRequest request = new DownRequest(new DownOptions(volumes, orphans, timeout), images, dryRun);
        try (Engine engine = root.connect()) {
            CliEvents events = root.events();
            StackService stacks = root.stacks(engine);
            boolean stack = stacks.deployed(name);
            if (stack) {
                StackDownRequest down = new StackDownRequest(volumes ? StackDownRequest.Volumes.REMOVE : StackDownRequest.Volumes.KEEP,
                        waitGone ? StackWait.upTo(waitTimeout) : StackWait.NONE, dryRun);
                int exit = events.exitCode(stacks.down(name, project, down, events));
                // a project that is a stack only is done; its images (--rmi) and containers of its own go as ever
                if (exit != ExitCodes.OK || (root.service(engine).containers(name).isEmpty() && images == DownRequest.RemoveImages.NONE)) return exit;
            }
            return events.exitCode(root.service(engine).down(name, project, request, events));
        }
    }
}
