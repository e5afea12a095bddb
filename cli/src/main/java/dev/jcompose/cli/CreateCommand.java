package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
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

/** {@code jcompose create}: {@code up --no-start}, with the options of docker compose's create. */
@Command(name = "create", description = "Creates containers for a service")
final class CreateCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Mixin
    CreateOptions create;

    @Option(names = "--dry-run", description = "Print the plan (each engine call and why) and change nothing")
    boolean dryRun;

    @Parameters(paramLabel = "SERVICE", description = "Services to create, with their dependencies (default: all)")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        Context ctx = root.context();
        String conflict = create.conflict();
        if (conflict != null) {
            ctx.err().println(conflict);
            return ExitCodes.USAGE;
        }
        var loaded = root.load(Set.of(), services);
        Project project = Selection.withDependencies(Scaling.apply(loaded.project(), create.scale), services);
        UpOptions options = new UpOptions(create.recreate(), false, create.orphans(services, loaded.environment()),
                Action.StopContainer.OWN_TIMEOUT, false, create.pullPolicy(), create.yes);
        try (Engine engine = root.connect()) {
            CliEvents events = create.events(root.events());
            return events.exitCode(root.service(engine).up(project, new UpRequest(options, create.buildOptions(), false, 0, dryRun), events));
        }
    }
}
