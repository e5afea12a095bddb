package dev.jcompose.cli;

import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.List;
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
    List<String> images(Project project, Service s) {
        if (s.buildConfig() == null) return List.of();
        List<String> tags = new ArrayList<>();
        tags.add(ImagePlanner.imageName(project, s));
        tags.addAll(s.buildConfig().tags());
        return tags;
    }

    @Override
    Action action(String image) {
        return new Action.PushImage(image);
    }
}
