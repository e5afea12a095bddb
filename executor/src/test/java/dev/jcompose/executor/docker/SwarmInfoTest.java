package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.SwarmInfo;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.executor.testing.SingleNodeSwarm;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.observed.SwarmNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fixture's swarm as the port reads it: this engine manages a swarm of one ready node; and a project of plain
 * containers on a bridge network works on it as on an engine in no swarm (other tests share the engine).
 */
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

    @Test
    void containersOnABridgeNetworkRunAsBeforeWhileTheEngineIsInASwarm(EngineProjects projects) {
        String p = projects.create("bridge");
        try (Engine engine = RealEngine.connect()) {
            TreeMap<String, String> labels = new TreeMap<>(Map.of(Labels.PROJECT, p));
            engine.createNetwork(new NetworkSpec(p + "_default", null, new TreeMap<>(), labels, false, false, null, null));
            TreeMap<String, String> containerLabels = new TreeMap<>(labels);
            containerLabels.put(Labels.SERVICE, "web");
            containerLabels.put(Labels.CONTAINER_NUMBER, "1");
            Map<String, ContainerSpec.NetworkAttachment> networks = new LinkedHashMap<>();
            networks.put(p + "_default", new ContainerSpec.NetworkAttachment(List.of("web"), null));
            ContainerSpec spec = new ContainerSpec(p + "-web-1", "web", 1, RealEngine.BASE_IMAGE, List.of("sleep", "30"), null,
                    new TreeMap<>(), containerLabels, List.of(), List.of(), networks, "no", null, null, null, false, false, false, null, null);
            engine.createContainer(spec);
            engine.startContainer(spec.name());
            assertEquals("running", engine.inspect(spec.name()).state());
            assertEquals("bridge", engine.networks().stream().filter(n -> n.name().equals(p + "_default")).findFirst().orElseThrow().driver());
            engine.stopContainer(spec.name(), 0); // sleep ignores SIGTERM as PID 1: no grace to wait out in the clean-up
        }
    }
}
