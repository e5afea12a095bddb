package dev.jcompose.cli;

import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.plan.Action;
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

/** {@code jcompose push}: push the images of the services that are built, with their extra tags. */
@Command(name = "push", description = "Push service images")
final class PushCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--ignore-push-failures", description = "Push what it can and ignores images with push failures")
    boolean ignoreFailures;

    @Option(names = {"-q", "--quiet"}, description = "Push without printing progress information")
    boolean quiet;

    @Option(names = "--dry-run", description = "Print the plan and change nothing")
    boolean dryRun;

    @Parameters(paramLabel = "SERVICE", description = "Services whose images to push (default: all that are built)")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        Project all = root.load(Set.of(), services).project();
        Project project = services.isEmpty() ? all : all.withServices(services);
        PlanBuilder plan = new PlanBuilder();
        Set<String> images = new TreeSet<>();
        for (Service s : project.services().values()) {
            if (s.buildConfig() == null) continue;
            List<String> tags = new ArrayList<>();
            tags.add(ImagePlanner.imageName(project, s));
            tags.addAll(s.buildConfig().tags());
            for (String t : tags) if (images.add(t)) plan.add(new Action.PushImage(t), "push " + s.name(), List.of());
        }
        return RegistryCalls.run(root, plan.build(), dryRun, quiet, ignoreFailures);
    }
}
