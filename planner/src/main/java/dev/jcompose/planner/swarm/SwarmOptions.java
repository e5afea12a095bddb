package dev.jcompose.planner.swarm;

import java.util.Objects;

/**
 * The options of {@code deploy} that change the swarm plan.
 *
 * @param prune        {@code --prune}/{@code --remove-orphans}: services, networks, configs and secrets of the project
 *                     that the file no longer has are removed (without it: a warning names them)
 * @param resolveImage {@code --resolve-image}
 * @param waitAll      {@code --wait}: the plan ends with a convergence wait on every service
 */
public record SwarmOptions(boolean prune, ResolveImage resolveImage, boolean waitAll) {
    public SwarmOptions {
        Objects.requireNonNull(resolveImage, "resolveImage");
    }

    /** As {@code docker stack deploy} without flags: no prune, {@code --resolve-image always}, no wait. */
    public static SwarmOptions defaults() {
        return new SwarmOptions(false, ResolveImage.ALWAYS, false);
    }

    /** {@code --resolve-image}: when the engine asks the registry for the image's digest. */
    public enum ResolveImage {
        NEVER("never"), CHANGED("changed"), ALWAYS("always");

        private final String key;

        ResolveImage(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static ResolveImage of(String key) {
            for (ResolveImage r : values()) if (r.key.equals(key)) return r;
            throw new IllegalArgumentException("--resolve-image must be never, changed or always: " + key);
        }
    }
}
