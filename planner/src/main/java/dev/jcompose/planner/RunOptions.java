package dev.jcompose.planner;

import java.util.Objects;

/**
 * The options of {@code run} that change its plans (what its one-off container is made of is {@link RunOverrides}).
 *
 * @param noDeps  {@code --no-deps}: the service's dependencies are left as they are
 * @param pull    {@code --pull}, or {@link PullPolicy#SERVICE} to follow each service's {@code pull_policy}
 * @param orphans the project's orphan containers: named in a warning, removed ({@code --remove-orphans}), or left
 *                unmentioned ({@code COMPOSE_IGNORE_ORPHANS}), as docker compose's run does
 */
public record RunOptions(boolean noDeps, PullPolicy pull, Orphans orphans) {
    public RunOptions {
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(orphans, "orphans");
    }

    public static RunOptions defaults() {
        return new RunOptions(false, PullPolicy.SERVICE, Orphans.WARN);
    }
}
