package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.Planner;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.spec.model.Project;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose kill [SERVICE...]}: a signal (SIGKILL unless {@code -s}) to the running containers of the services,
 * one plan step per container, so {@code --dry-run} shows them as it shows other commands' plans.
 */
@Command(name = "kill", description = "Force stop service containers")
final class KillCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Mixin
    LifecycleCommands.Targets targets;

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "SIGNAL to send to the container (default: SIGKILL)")
    String signal = "SIGKILL";

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Override
    public Integer call() {
        // the whole project, not the named services alone: an orphan is a container of a service it does not have
        Project project = root.load(Set.of(), targets.services).project();
        try (Engine engine = root.connect()) {
            return root.events().exitCode(root.service(engine).change(project, observed -> {
                Plan plan = Planner.kill(project, observed, targets.services, signal, removeOrphans);
                // as docker compose says it; a dry run prints its "(nothing to do)" instead
                if (plan.isEmpty() && !targets.dryRun) root.context().err().println("no container to kill");
                return plan;
            }, targets.dryRun, root.events()));
        }
    }
}
