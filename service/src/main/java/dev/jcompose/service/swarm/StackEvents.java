package dev.jcompose.service.swarm;

import dev.jcompose.executor.swarm.SwarmProgressEvent;
import dev.jcompose.executor.swarm.SwarmProgressListener;
import dev.jcompose.executor.swarm.SwarmReport;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.service.Events;

/**
 * What the swarm half of the service layer tells its caller, beside what {@link Events} carries for the images it
 * builds: a swarm plan's dry run, its start and end, and its progress. Defaults ignore each, as {@link Events}'.
 */
public interface StackEvents extends Events, SwarmProgressListener {
    /** Ignores everything. */
    StackEvents NONE = new StackEvents() { };

    /** {@code --dry-run}: the swarm plan that would have run, with each step's cause. */
    default void dryRun(SwarmPlan plan) { }

    default void executing(SwarmPlan plan) { }

    default void executed(SwarmPlan plan, SwarmReport report) { }

    @Override
    default void on(SwarmProgressEvent event) { }
}
