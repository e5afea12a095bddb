package dev.jcompose.executor;

/**
 * The engine answers but is no manager of a swarm, so it takes no services, configs or secrets. An engine that is
 * unusable for the command, as one that does not answer: the same exit code.
 */
public class NotSwarmManagerException extends EngineUnavailableException {
    public NotSwarmManagerException(String host, String engineMessage) {
        super("this engine (" + host + ") is not a swarm manager: docker swarm init, or point DOCKER_HOST at a manager"
                + (engineMessage == null || engineMessage.isEmpty() ? "" : " (the engine says: " + engineMessage + ")"), null);
    }
}
