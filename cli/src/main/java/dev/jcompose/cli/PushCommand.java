package dev.jcompose.cli;

import dev.jcompose.planner.RegistryPlans;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.spec.model.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose push}: push the images of the services that are built, with their extra tags. */
@Command(name = "push", description = "Push service images")
final class PushCommand extends RegistryCalls.Base {
    @Option(names = "--ignore-push-failures", description = "Push what it can and ignores images with push failures")
    boolean ignoreFailures;

    @Override
    boolean ignoreFailures() {
        return ignoreFailures;
    }

    @Override
    Plan plan(Project project) {
        return RegistryPlans.pushes(project);
    }
}
