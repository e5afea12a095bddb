package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.Orphans;
import dev.jcompose.planner.Selection;
import dev.jcompose.planner.UpOptions;
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

/** {@code jcompose scale web=3 db=1}: up for those services with those counts, their dependencies started too. */
@Command(name = "scale", description = "Scale services")
final class ScaleCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Option(names = "--dry-run", description = "Print the plan and change nothing")
    boolean dryRun;

    @Parameters(paramLabel = "SERVICE=NUM", arity = "1..*", description = "Services and their number of containers")
    List<String> specs = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> services = Scaling.services(specs);
        Project loaded = Scaling.apply(root.load(Set.of(), services).project(), specs);
        Project project = noDeps ? loaded.withServices(services) : Selection.withDependencies(loaded, services);
        // the other services are not scale's business: their containers are not orphans here
        UpOptions options = UpOptions.defaults().withOrphans(Orphans.IGNORE);
        try (Engine engine = root.connect()) {
            UpRequest request = new UpRequest(options, BuildOptions.ifMissing(), false, 0, dryRun);
            return root.events().exitCode(root.service(engine).up(project, request, root.events()));
        }
    }
}
