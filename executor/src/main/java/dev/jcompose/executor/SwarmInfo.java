package dev.jcompose.executor;

/**
 * What the engine says of its place in a swarm ({@code GET /info}'s {@code Swarm}).
 *
 * @param nodeId           this engine's node id, empty when it is in no swarm
 * @param localNodeState   {@code inactive}, {@code pending}, {@code active}, {@code error} or {@code locked}
 * @param controlAvailable whether this engine is a manager (only a manager takes services, configs and secrets)
 * @param error            the engine's message when the state is {@code error}, else empty
 */
public record SwarmInfo(String nodeId, String localNodeState, boolean controlAvailable, String error) {
    public SwarmInfo {
        nodeId = nodeId == null ? "" : nodeId;
        localNodeState = localNodeState == null ? "" : localNodeState;
        error = error == null ? "" : error;
    }

    public boolean active() {
        return localNodeState.equals("active");
    }

    /** A manager of an active swarm: what deploy needs. */
    public boolean manager() {
        return active() && controlAvailable;
    }
}
