package dev.jcompose.planner;

import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plans of {@code pull} and {@code push}: one step per image, none depending on another (one registry that does
 * not answer fails its own image, not the others), each image once however many services use it.
 */
public final class RegistryPlans {
    private RegistryPlans() {}

    /** The images of the services that are pulled: those without a build section (the others are built, not pulled). */
    public static Plan pulls(Project project) {
        PlanBuilder plan = new PlanBuilder();
        Set<String> seen = new TreeSet<>();
        for (Service s : project.services().values()) {
            if (s.buildConfig() != null) continue;
            String image = ImagePlanner.imageName(project, s);
            if (seen.add(image)) plan.add(new Action.PullImage(image, null), "pull " + s.name(), List.of());
        }
        return plan.build();
    }

    /** The images the project builds, each with its extra tags: what {@code push} sends. */
    public static Plan pushes(Project project) {
        PlanBuilder plan = new PlanBuilder();
        Set<String> seen = new TreeSet<>();
        for (Service s : project.services().values()) {
            if (s.buildConfig() == null) continue;
            List<String> tags = new ArrayList<>();
            tags.add(ImagePlanner.imageName(project, s));
            tags.addAll(s.buildConfig().tags());
            for (String tag : tags) if (seen.add(tag)) plan.add(new Action.PushImage(tag), "push " + s.name(), List.of());
        }
        return plan.build();
    }
}
