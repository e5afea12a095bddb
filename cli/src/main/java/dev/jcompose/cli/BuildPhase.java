package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.StateCollector;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.spec.model.Project;

/**
 * The first phase of {@code up}, {@code run} and {@code scale}, as docker compose orders them: images are built
 * before anything is planned for the containers, so that the container plan sees the new image ids and recreates
 * exactly the services whose image changed.
 */
final class BuildPhase {
    /** The state to plan the containers from, or the exit code of a failed build. */
    record Outcome(ObservedState observed, int exitCode) {}

    private BuildPhase() {}

    static Outcome run(RootCommand root, Engine engine, Project project, ObservedState observed, BuildOptions options, boolean dryRun) {
        Plan builds = ImagePlanner.builds(project, observed, options);
        if (builds.isEmpty()) return new Outcome(observed, ExitCodes.OK);
        int exit = PlanRunner.run(root, engine, builds, dryRun);
        if (exit != ExitCodes.OK) return new Outcome(observed, exit);
        if (dryRun) {
            // nothing was built: plan the containers as they would be planned once it was
            return new Outcome(observed.withImagesRebuilt(builds.steps().stream()
                    .map(s -> ((Action.BuildImage) s.action()).spec().image()).toList()), ExitCodes.OK);
        }
        return new Outcome(StateCollector.collect(engine, project), ExitCodes.OK);
    }

    /** {@code --build-arg KEY=VALUE}, or {@code KEY} alone for the value in the environment (left out without one). */
    static java.util.SortedMap<String, String> buildArgs(java.util.List<String> given, java.util.Map<String, String> env) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        for (String a : given) {
            int eq = a.indexOf('=');
            if (eq > 0) out.put(a.substring(0, eq), a.substring(eq + 1));
            else if (env.containsKey(a)) out.put(a, env.get(a));
        }
        return out;
    }
}
