package dev.jcompose.executor;

import dev.jcompose.planner.plan.Step;

/** What the executor tells its listener as a plan runs. Rendering is the CLI's business. */
public sealed interface ProgressEvent {
    Step step();

    record Started(Step step) implements ProgressEvent {}

    record Completed(Step step) implements ProgressEvent {}

    record Failed(Step step, String message) implements ProgressEvent {}

    /**
     * Done without error but not as planned, instead of {@link Completed}: something the person should know (an
     * optional dependency failed, a network other containers still use was left in place).
     */
    record Warned(Step step, String message) implements ProgressEvent {}

    /** A line a running step printed (a build's output), passed on from the step's thread by the executor's. */
    record Output(Step step, String line) implements ProgressEvent {}

    /** Not run, because an earlier step failed or the run was interrupted. */
    record Skipped(Step step) implements ProgressEvent {}
}
