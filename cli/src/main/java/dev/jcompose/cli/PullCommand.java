package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose pull}: pull the services' images. Services with a build section are built, not pulled, and are
 * left out; with no registry reachable the engine's refusal is reported per image, with a hint.
 */
@Command(name = "pull", description = "Pull service images")
final class PullCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--ignore-pull-failures", description = "Pull what it can and ignores images with pull failures")
    boolean ignoreFailures;

    @Option(names = {"-q", "--quiet"}, description = "Pull without printing progress information")
    boolean quiet;

    @Option(names = "--dry-run", description = "Print the plan and change nothing")
    boolean dryRun;

    @Parameters(paramLabel = "SERVICE", description = "Services whose images to pull (default: all)")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        Project all = root.load(Set.of(), services).project();
        Project project = services.isEmpty() ? all : all.withServices(services);
        PlanBuilder plan = new PlanBuilder();
        Set<String> images = new TreeSet<>();
        for (Service s : project.services().values()) {
            if (s.buildConfig() != null) continue;
            String image = ImagePlanner.imageName(project, s);
            if (images.add(image)) plan.add(new Action.PullImage(image), "pull " + s.name(), List.of());
        }
        return RegistryCalls.run(root, plan.build(), dryRun, quiet, ignoreFailures);
    }
}
