package dev.jcompose.service.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** down's plan for a stack: every service first, then its networks, configs and secrets once they are gone. */
class StackRemovalTest {
    private static SwarmService service(String id, String name) {
        return new SwarmService(id, name, 7, new TreeMap<>(), "busybox", new ServiceMode.Replicated(1), null);
    }

    @Test
    void servicesFirstThenWhatTheyUsed() {
        ObservedSwarm observed = new ObservedSwarm(List.of(service("s2", "demo_web"), service("s1", "demo_db")), List.of(),
                List.of(new SwarmNetwork("n1", "demo_default", "overlay", "swarm", new TreeMap<>())),
                List.of(new SwarmObject("c1", "demo_conf_0a1b2c3d4e", new TreeMap<>())),
                List.of(new SwarmObject("x1", "demo_pw_5f6a7b8c9d", new TreeMap<>())), List.of());
        assertEquals("""
                #1 remove Service demo_db -- down: a service of the stack
                #2 remove Service demo_web -- down: a service of the stack
                #3 remove Network demo_default after #1,#2 -- down: a network of the stack
                #4 remove Config demo_conf_0a1b2c3d4e after #1,#2 -- down: a config of the stack
                #5 remove Secret demo_pw_5f6a7b8c9d after #1,#2 -- down: a secret of the stack
                """, StackRemoval.plan(observed).render());
    }

    @Test
    void nothingDeployedIsNothingToDo() {
        assertEquals("(nothing to do)\n", StackRemoval.plan(ObservedSwarm.EMPTY).render());
    }
}
