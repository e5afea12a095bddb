package dev.jcompose.service;

import dev.jcompose.executor.ExecutionReport;
import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.executor.ProgressListener;
import dev.jcompose.planner.plan.Plan;

/**
 * What the service layer tells its caller while it works, as events: the command line renders them, the library
 * logs them, tests assert on them. Each method has a default that ignores the event, so a caller overrides what it
 * shows. Progress events come from one thread, in order; the others from the calling thread.
 */
public interface Events extends ProgressListener {
    /** Ignores everything. */
    Events NONE = new Events() { };

    /** Something asked for that cannot be honoured, or a note the person should read (orphans, ignored keys). */
    default void warning(String message) { }

    /** {@code --dry-run}: the plan that would have run, with each step's reason. */
    default void dryRun(Plan plan) { }

    /** A plan is about to run. */
    default void executing(Plan plan) { }

    /** A plan has run, as the report says. */
    default void executed(Plan plan, ExecutionReport report) { }

    /** Another command holds the project's lock: this one waits for it. */
    default void waitingForLock(String project) { }

    /** Another command (maybe of another project) is creating or removing the network {@code network}: this one waits. */
    default void waitingForNetworkLock(String network) { }

    @Override
    default void on(ProgressEvent event) { }
}
