package dev.jcompose.cli;

import dev.jcompose.planner.RegistryPlans;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.spec.model.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jcompose pull}: pull the services' images. Services with a build section are built, not pulled, and are
 * left out; with no registry reachable the engine's refusal is reported per image, with a hint.
 */
@Command(name = "pull", description = "Pull service images")
final class PullCommand extends RegistryCalls.Base {
    @Option(names = "--ignore-pull-failures", description = "Pull what it can and ignores images with pull failures")
    boolean ignoreFailures;

    @Override
    boolean ignoreFailures() {
        return ignoreFailures;
    }

    @Override
    Plan plan(Project project) {
        return RegistryPlans.pulls(project);
    }
}
