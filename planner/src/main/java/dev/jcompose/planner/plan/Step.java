package dev.jcompose.planner.plan;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One node of a plan: an action, why it is there, and the steps that must finish first.
 *
 * @param id    1-based, unique in its plan, in the order the planner made the steps
 * @param after ids of the steps that must complete before this one starts
 */
public record Step(int id, Action action, String reason, SortedSet<Integer> after) {
    public Step {
        after = Collections.unmodifiableSortedSet(new TreeSet<>(after));
    }
}
