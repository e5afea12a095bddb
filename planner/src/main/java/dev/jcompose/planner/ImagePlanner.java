package dev.jcompose.planner;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedImage;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.planner.spec.BuildSpec;
import dev.jcompose.spec.model.BuildConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Decides which images to build and which to remove; pure, as {@link Planner}. */
public final class ImagePlanner {
    private ImagePlanner() {}

    /** The image a service runs: its {@code image}, else {@code <project>-<service>} as docker compose v2 names it. */
    public static String imageName(Project project, Service service) {
        return service.image() != null ? service.image() : project.name() + "-" + service.name();
    }

    /**
     * The builds of {@code build} and of the first phase of {@code up}: one per image (services that share an image
     * name build it once, from the first of them by name). Unless {@link BuildOptions#when()} is ALWAYS, only images that
     * are missing, or whose service says {@code pull_policy: build}.
     */
    public static Plan builds(Project project, ObservedState observed, BuildOptions options) {
        PlanBuilder plan = new PlanBuilder();
        if (options.when() == BuildOptions.When.NEVER) return plan.build();
        Set<String> planned = new TreeSet<>();
        for (Service s : project.services().values()) {
            if (s.buildConfig() == null) continue;
            String image = imageName(project, s);
            if (!planned.add(image)) continue;
            String why;
            if (options.when() == BuildOptions.When.ALWAYS) why = "build requested";
            else if (s.pullPolicy().equals("build")) why = "pull_policy is build";
            else if (!observed.hasImage(image)) why = "image not found locally";
            else continue;
            plan.add(new Action.BuildImage(s.name(), buildSpec(project, s, options)), why, List.of());
            if (s.build() instanceof Map<?, ?> section) {
                List<String> ignored = section.keySet().stream().map(String::valueOf).filter(UNSUPPORTED_BUILD_KEYS::contains).sorted().toList();
                if (!ignored.isEmpty()) {
                    plan.warn("service \"" + s.name() + "\": build." + String.join(", build.", ignored)
                            + " not applied: the engine's classic builder, which jcompose drives, has no such setting");
                }
            }
        }
        return plan.build();
    }

    /** Build settings that only BuildKit knows; the classic builder of the Engine API cannot apply them. */
    private static final Set<String> UNSUPPORTED_BUILD_KEYS = Set.of("additional_contexts", "cache_to", "entitlements",
            "platforms", "privileged", "provenance", "sbom", "secrets", "ssh", "ulimits");

    /** The build call for one service: the file's section, the command line's overrides and compose's labels. */
    public static BuildSpec buildSpec(Project project, Service service, BuildOptions options) {
        BuildConfig b = service.buildConfig();
        if (b.context().contains("://") || b.context().startsWith("git@")) {
            throw new PlanException("service \"" + service.name() + "\": build context " + b.context()
                    + " is remote; jcompose builds from a local folder only (clone it and point build.context at it)");
        }
        List<String> tags = new ArrayList<>();
        tags.add(imageName(project, service));
        for (String t : b.tags()) if (!tags.contains(t)) tags.add(t);
        SortedMap<String, String> args = new TreeMap<>();
        for (Map.Entry<String, String> a : b.args().entrySet()) if (a.getValue() != null) args.put(a.getKey(), a.getValue());
        args.putAll(options.buildArgs());
        SortedMap<String, String> labels = new TreeMap<>(b.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.SERVICE, service.name());
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        List<String> hosts = b.extraHosts().stream().map(h -> h.replaceFirst("=", ":")).toList();
        return new BuildSpec(tags, b.context(), b.dockerfile(), b.dockerfileInline(), args, b.target(), labels,
                b.cacheFrom(), b.network(), b.shmSizeBytes(), hosts, b.noCache() || options.noCache(), b.pull() || options.pull());
    }

    /**
     * The image removals of {@code down --rmi local|all} (after the containers are gone): {@code local} removes the
     * images compose named itself ({@code <project>-<service>}, no {@code image:} in the file), {@code all} every
     * image a service uses; both remove the project's dangling images too.
     *
     * @param project  the loaded project, or null when only the name is known (then the images labelled as the
     *                 project's stand for its local images)
     * @param labelled the images labelled with the project's name
     */
    public static Plan removals(String projectName, Project project, ObservedState observed, List<ObservedImage> labelled,
                                String rmi) {
        // one after another: two removals at once race to prune the build layers they share, and one fails
        Chain plan = new Chain();
        Set<String> removedIds = new TreeSet<>();
        if (project != null) {
            Set<String> names = new TreeSet<>();
            for (Service s : project.services().values()) {
                String image = imageName(project, s);
                boolean local = s.image() == null;
                if ((rmi.equals("all") || local) && observed.hasImage(image) && names.add(image)) {
                    plan.add(new Action.RemoveImage(image), "down --rmi " + rmi);
                    removedIds.add(observed.imageId(image));
                }
            }
        } else {
            for (ObservedImage i : labelled) {
                if (i.dangling() || !projectName.equals(i.project())) continue;
                for (String tag : i.tags()) plan.add(new Action.RemoveImage(tag), "down --rmi " + rmi + ": built for project " + projectName);
                removedIds.add(i.id());
            }
        }
        danglingOf(projectName, observed, labelled, removedIds, plan);
        return plan.plan.build();
    }

    /**
     * {@code jcompose prune}: the project's dangling images, the ones rebuilds took the name from. Only images
     * labelled with this project's name, and none that a container still runs.
     */
    public static Plan prune(String projectName, ObservedState observed, List<ObservedImage> labelled) {
        Chain plan = new Chain();
        danglingOf(projectName, observed, labelled, new TreeSet<>(), plan);
        return plan.plan.build();
    }

    /** Steps that run one after the other. */
    private static final class Chain {
        final PlanBuilder plan = new PlanBuilder();
        private Integer last;

        void add(Action action, String reason) {
            last = plan.add(action, reason, last == null ? List.of() : List.of(last));
        }
    }

    private static void danglingOf(String projectName, ObservedState observed, List<ObservedImage> labelled, Set<String> skip,
                                   Chain plan) {
        Set<String> inUse = new TreeSet<>();
        for (ObservedContainer c : observed.containers()) if (c.imageId() != null) inUse.add(c.imageId());
        for (ObservedImage i : labelled) {
            if (!i.dangling() || !projectName.equals(i.project()) || skip.contains(i.id())) continue;
            if (inUse.contains(i.id())) {
                plan.plan.warn("image " + shortId(i.id()) + " of project " + projectName + " is dangling but a container still uses it: kept");
                continue;
            }
            plan.add(new Action.RemoveImage(i.id()), "dangling image of project " + projectName + " (left by a rebuild)");
        }
    }

    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
