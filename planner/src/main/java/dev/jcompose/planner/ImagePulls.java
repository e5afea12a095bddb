package dev.jcompose.planner;

import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.SortedMap;
import java.util.TreeMap;

/** Which images {@code up} pulls before it changes anything, and for which platform. */
final class ImagePulls {
    private ImagePulls() {}

    /**
     * The images to pull, with why, as {@code pull_policy} (or {@code --pull}) says: {@code always} pulls,
     * {@code missing} pulls what is not there, {@code never} requires it there. A service with a build section is
     * never pulled here: its image was built (or found) before this plan.
     */
    static SortedMap<String, String> pulls(Project project, ObservedState observed, UpOptions options) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Service s : project.services().values()) {
            if (s.scale() == 0) continue;
            String image = ImagePlanner.imageName(project, s);
            boolean present = observed.hasImage(image);
            if (s.buildConfig() != null) {
                if (!present) {
                    throw new PlanException("service \"" + s.name() + "\": image " + image + " has not been built"
                            + " (run \"jcompose build " + s.name() + "\", or up without --no-build)");
                }
                continue;
            }
            String policy = options.pull().resolve(s.pullPolicy());
            switch (policy) {
                case "always" -> out.putIfAbsent(image, "pull_policy always");
                case "never" -> {
                    if (!present) throw new PlanException("service \"" + s.name() + "\": image " + image
                            + " is not on this engine and pull_policy is never (make it locally, or allow a pull)");
                }
                default -> {
                    if (!present) out.putIfAbsent(image, "image not found locally");
                }
            }
        }
        return out;
    }

    /** The platform the first service (by name) using an image asks for, or null. */
    static String platformOf(Project project, String image) {
        for (Service s : project.services().values()) {
            if (image.equals(ImagePlanner.imageName(project, s)) && s.options().isolation().platform() != null) {
                return s.options().isolation().platform();
            }
        }
        return null;
    }
}
