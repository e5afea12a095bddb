package dev.jcompose.planner.swarm;

/** The label keys a stack's objects carry: docker stack's own, compose's, and jcompose's spec hash. */
public final class StackLabels {
    /** On every object of the stack; {@code docker stack ls/ps/rm} find a stack by it. */
    public static final String NAMESPACE = "com.docker.stack.namespace";
    /** On services: the image as written in the file (before a digest is resolved). */
    public static final String IMAGE = "com.docker.stack.image";
    public static final String COMPOSE_PROJECT = "com.docker.compose.project";
    public static final String COMPOSE_SERVICE = "com.docker.compose.service";
    /** On services: the hash of the canonical spec, so that an unchanged deploy makes no update call. */
    public static final String SPEC_HASH = "dev.jcompose.swarm.spec-hash";
    /** On configs and secrets: the top-level key they came from, so superseded versions can be found. */
    public static final String OBJECT_NAME = "dev.jcompose.swarm.object";

    private StackLabels() {
    }
}
