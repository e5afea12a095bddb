package dev.jcompose.planner;

import java.util.Locale;
import java.util.Optional;

/** {@code up --pull}: which images are pulled, for every service at once, or as each service's {@code pull_policy} says. */
public enum PullPolicy {
    /** No override: each service's own {@code pull_policy} (missing by default). */
    SERVICE,
    ALWAYS,
    MISSING,
    NEVER;

    /** The value of {@code --pull} ({@code always}, {@code missing}, {@code never}); empty for another word. */
    public static Optional<PullPolicy> ofFlag(String value) {
        return switch (value) {
            case "always" -> Optional.of(ALWAYS);
            case "missing" -> Optional.of(MISSING);
            case "never" -> Optional.of(NEVER);
            default -> Optional.empty();
        };
    }

    /** The policy a service's images follow: this one, or its own when this is {@link #SERVICE}. */
    String resolve(String servicePolicy) {
        return this == SERVICE ? servicePolicy : name().toLowerCase(Locale.ROOT);
    }
}
