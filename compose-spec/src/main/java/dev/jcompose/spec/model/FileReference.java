package dev.jcompose.spec.model;

/**
 * A service's use of a top-level config or secret.
 *
 * @param target the absolute path in the container (defaults resolved: {@code /<name>} for a config,
 *               {@code /run/secrets/<name>} for a secret)
 * @param mode   the file mode, or null for the default (0444)
 */
public record FileReference(String source, String target, String uid, String gid, Integer mode) {}
