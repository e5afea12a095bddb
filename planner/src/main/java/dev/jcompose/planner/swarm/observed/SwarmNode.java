package dev.jcompose.planner.swarm.observed;

/** A node of the swarm ({@code GET /nodes}). */
public record SwarmNode(String id, String hostname, Role role, Availability availability, State state) {
    public enum Role { MANAGER, WORKER }

    public enum Availability { ACTIVE, PAUSE, DRAIN }

    public enum State { UNKNOWN, DOWN, READY, DISCONNECTED }
}
