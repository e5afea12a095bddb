package dev.jcompose.planner.swarm.spec;

import java.util.List;

/**
 * {@code deploy.placement}.
 *
 * @param constraints   {@code node.role == manager}..., in file order
 * @param spreads       the {@code preferences: - spread: ...} descriptors, in file order
 * @param maxReplicas   {@code max_replicas_per_node}, or null for no limit
 */
public record Placement(List<String> constraints, List<String> spreads, Long maxReplicas) {
    public Placement {
        constraints = List.copyOf(constraints);
        spreads = List.copyOf(spreads);
    }
}
