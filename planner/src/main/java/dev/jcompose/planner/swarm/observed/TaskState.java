package dev.jcompose.planner.swarm.observed;

import java.util.Locale;

/** The Engine API's task states, in the order a task passes them. */
public enum TaskState {
    NEW, ALLOCATED, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING, RUNNING, COMPLETE, SHUTDOWN, FAILED,
    REJECTED, REMOVE, ORPHANED;

    /** The engine's lower-case name. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the engine's name; an unknown one is an error (the API version is pinned). */
    public static TaskState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** Whether the task has ended (it will not run again). */
    public boolean terminal() {
        return ordinal() >= COMPLETE.ordinal();
    }
}
