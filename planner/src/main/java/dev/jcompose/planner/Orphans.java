package dev.jcompose.planner;

/**
 * What {@code up} does with containers of services the project does not have (any more): docker compose warns about
 * them, removes them with {@code --remove-orphans}, and says nothing when the command names its services (the
 * others are then simply not its business).
 */
public enum Orphans {
    WARN,
    REMOVE,
    IGNORE
}
