package dev.jcompose.planner.swarm.plan;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One node of a swarm plan: an action, the cause that put it there, and the steps that must finish first.
 *
 * @param id    1-based, in the order the planner made the steps
 * @param cause why the step exists ({@code missing}, {@code spec hash differs (a1b2 -> c3d4)}...)
 * @param after ids of the steps that must complete before this one starts
 */
public record SwarmStep(int id, SwarmAction action, String cause, SortedSet<Integer> after) {
    public SwarmStep {
        after = Collections.unmodifiableSortedSet(new TreeSet<>(after));
    }
}
