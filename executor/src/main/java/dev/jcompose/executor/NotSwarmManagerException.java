package dev.jcompose.executor;

/**
 * The engine answers but is no manager of a swarm, so it takes no services, configs or secrets. An engine that is
 * unusable for the command, as one that does not answer: the same exit code.
 */
public class NotSwarmManagerException extends EngineUnavailableException {
    /** @param detail what the engine said of its swarm state, or empty */
    public NotSwarmManagerException(String detail) {
        super("this engine is not a swarm manager: docker swarm init, or point DOCKER_HOST at a manager"
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), null);
    }
}
