package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.SwarmInfo;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.executor.testing.SingleNodeSwarm;
import dev.jcompose.planner.swarm.observed.SwarmNode;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fixture's swarm as the port reads it: this engine manages a swarm of one ready node. */
@Tag("engine")
@ExtendWith(SingleNodeSwarm.class)
class SwarmInfoTest {
    @Test
    void theEngineManagesASwarmOfOneReadyNode() {
        try (Engine engine = RealEngine.connect()) {
            SwarmInfo info = engine.swarm().info();
            assertTrue(info.manager(), info.toString());
            assertFalse(info.nodeId().isEmpty());
            List<SwarmNode> nodes = engine.swarm().nodes();
            assertEquals(1, nodes.size(), nodes.toString());
            assertEquals(info.nodeId(), nodes.get(0).id());
            assertEquals(SwarmNode.Role.MANAGER, nodes.get(0).role());
            assertEquals(SwarmNode.State.READY, nodes.get(0).state());
            assertEquals(SwarmNode.Availability.ACTIVE, nodes.get(0).availability());
        }
    }
}
