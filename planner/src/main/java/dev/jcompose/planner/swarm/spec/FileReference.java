package dev.jcompose.planner.swarm.spec;

/**
 * A config or secret a task gets as a file (the Engine API's {@code ConfigReference} / {@code SecretReference}).
 * The executor resolves {@link #objectName} to the object's id when it sends the request.
 *
 * @param objectName the swarm object's name ({@code <project>_<name>_<hash>}, or an external object's own name)
 * @param fileName   the target: a bare name (under {@code /run/secrets/} for secrets) or an absolute path (configs)
 * @param uid        "0" unless set
 * @param gid        "0" unless set
 * @param mode       the file mode (0444 unless set)
 */
public record FileReference(String objectName, String fileName, String uid, String gid, int mode) {}
