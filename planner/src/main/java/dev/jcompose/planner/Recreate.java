package dev.jcompose.planner;

/** What {@code up} does with a container that exists: docker compose's {@code --force-recreate} / {@code --no-recreate} as one choice. */
public enum Recreate {
    /** Recreate only a container whose configuration or image changed (the default). */
    DIVERGED,
    /** Recreate every container ({@code --force-recreate}). */
    FORCE,
    /** Never recreate an existing container ({@code --no-recreate}). */
    NEVER
}
