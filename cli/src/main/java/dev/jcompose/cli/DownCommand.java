package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.StateCollector;
import dev.jcompose.planner.DownOptions;
import dev.jcompose.planner.Planner;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.model.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose down}: stop and remove the project's containers and networks; volumes only with -v. */
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

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Shutdown timeout in seconds (default: 10)")
    int timeout = 10;

    @Option(names = "--dry-run", description = "Print the plan and change nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        Project project = null;
        String name = root.projectName;
        java.util.Map<String, String> loadedEnv = root.context().env();
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
        try (Engine engine = root.connect(); ProjectLock lock = root.lock(engine, name)) {
            ObservedState observed = project != null ? StateCollector.collect(engine, project) : StateCollector.collect(engine, name);
            var plan = Planner.down(name, project, observed, new DownOptions(volumes, orphans, timeout));
            return PlanRunner.run(root, engine, plan, dryRun);
        }
    }
}
