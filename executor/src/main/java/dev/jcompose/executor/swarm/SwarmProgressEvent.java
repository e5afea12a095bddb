package dev.jcompose.executor.swarm;

import dev.jcompose.planner.swarm.plan.SwarmAction;
import dev.jcompose.planner.swarm.plan.SwarmStep;

/**
 * What the swarm executor tells its listener as a plan runs, as {@code ProgressEvent} does for a plan of containers.
 * Rendering is the CLI's business: {@code  Service demo_web  Created}, with {@link #doing} and {@link #done}.
 */
public sealed interface SwarmProgressEvent {
    SwarmStep step();

    record Started(SwarmStep step) implements SwarmProgressEvent {}

    record Completed(SwarmStep step) implements SwarmProgressEvent {}

    record Failed(SwarmStep step, String message) implements SwarmProgressEvent {}

    /**
     * Done, with something the person should read instead of {@link Completed}: the engine's warnings (an image whose
     * digest no registry gave), or a gate that was not required and failed.
     */
    record Warned(SwarmStep step, String message) implements SwarmProgressEvent {}

    /** A line a running step says: where a wait stands ({@code 1 of 2 tasks running}) when that changes. */
    record Output(SwarmStep step, String line) implements SwarmProgressEvent {}

    /** Not run, because an earlier step failed or the run was interrupted. */
    record Skipped(SwarmStep step) implements SwarmProgressEvent {}

    /** The present tense progress shows while a step runs: {@code Creating}, {@code Updating}, {@code Removing}, {@code Waiting}. */
    static String doing(SwarmAction action) {
        if (action instanceof SwarmAction.WaitFor) return "Waiting";
        return switch (action.verb()) {
            case "create" -> "Creating";
            case "update" -> "Updating";
            case "remove" -> "Removing";
            default -> action.verb();
        };
    }

    /** The word for a step done: {@code Created}, {@code Updated}, {@code Removed}, or what a wait reached ({@code Healthy}). */
    static String done(SwarmAction action) {
        if (action instanceof SwarmAction.WaitFor w) {
            return switch (w.condition()) {
                case STARTED -> "Started";
                case HEALTHY -> "Healthy";
                case COMPLETED -> "Completed";
                case CONVERGED -> "Converged";
            };
        }
        return switch (action.verb()) {
            case "create" -> "Created";
            case "update" -> "Updated";
            case "remove" -> "Removed";
            default -> action.verb();
        };
    }
}
