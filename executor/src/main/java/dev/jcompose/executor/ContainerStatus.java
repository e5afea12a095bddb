package dev.jcompose.executor;

/**
 * What waiting needs to know of a container.
 *
 * @param state    the engine's state word (created, running, exited...)
 * @param health   {@code starting}, {@code healthy}, {@code unhealthy}, or null without a healthcheck
 * @param exitCode the exit code once exited, else null
 */
public record ContainerStatus(String state, String health, Integer exitCode) {
    public boolean exited() {
        return state.equals("exited") || state.equals("dead");
    }
}
