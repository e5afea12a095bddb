package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.executor.testing.SingleNodeSwarm;
import dev.jcompose.planner.swarm.StackLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link SwarmStack} on the single-node swarm: deploy with its gates, tasks, logs, a failed deploy, and close. */
@Tag("engine")
@ExtendWith(SingleNodeSwarm.class)
class SwarmStackEngineTest {
    private static final Path STACKS = Path.of("src/test/resources/swarm-stacks");

    /** Whatever the engine still has of the stack: services, networks, task containers, volumes. */
    private static List<String> leftovers(String namespace) {
        try (Engine engine = RealEngine.connect()) {
            List<String> out = new ArrayList<>();
            engine.swarm().services(namespace).forEach(s -> out.add("service " + s.name()));
            // every network with the label, this node's copies too: what docker network ls --filter shows
            engine.networks().stream().filter(n -> namespace.equals(n.labels().get(StackLabels.NAMESPACE)))
                    .forEach(n -> out.add("network " + n.name()));
            engine.containers(namespace).forEach(c -> out.add("container " + c.name()));
            engine.volumes(namespace).forEach(v -> out.add("volume " + v.name()));
            engine.volume(namespace + "_data").ifPresent(v -> out.add("volume " + v.name()));
            return out;
        }
    }

    @Test
    void deployConvergesTheGatesHeldAndCloseLeavesNothing(EngineProjects projects) {
        String p = projects.create("lib");
        try (SwarmStack stack = ComposeStack.builder().file(STACKS.resolve("demo/compose.yaml")).projectName(p)
                .waitTimeout(Duration.ofMinutes(3)).buildSwarmStack().deploy()) {
            List<SwarmStack.Task> web = stack.tasks("web");
            assertEquals(List.of(p + "_web.1", p + "_web.2"), web.stream().map(SwarmStack.Task::name).toList(), web.toString());
            assertTrue(web.stream().allMatch(t -> t.state().equals("running") && t.desiredState().equals("running")), web.toString());
            // the job ran once web was healthy, and completed
            List<SwarmStack.Task> seed = stack.tasks("seed");
            assertTrue(seed.stream().anyMatch(t -> t.state().equals("complete")), seed.toString());
            assertTrue(stack.logs("seed").contains("seeded\n"), stack.logs("seed"));
            assertTrue(stack.logs("web").contains("web up\n"), stack.logs("web"));
            assertEquals(List.of("seed", "web"), stack.services());
            var e = assertThrows(IllegalArgumentException.class, () -> stack.tasks("wbe"));
            assertTrue(e.getMessage().contains("did you mean \"web\"?"), e.getMessage());
            // the same files again: nothing to do, every service at the version it had
            try (Engine engine = RealEngine.connect()) {
                List<Long> before = engine.swarm().services(p).stream().map(s -> s.versionIndex()).sorted().toList();
                stack.deploy();
                assertEquals(before, engine.swarm().services(p).stream().map(s -> s.versionIndex()).sorted().toList());
                assertTrue(engine.swarm().services(p).stream().allMatch(s -> p.equals(s.labels().get(StackLabels.NAMESPACE))));
            }
            assertTrue(leftovers(p).contains("volume " + p + "_data"), leftovers(p).toString());
        }
        assertEquals(List.of(), leftovers(p), "close() removed the stack, its task containers and its volume");
    }

    @Test
    void aDeployThatCannotConvergeFailsNamingTheTaskAndLeavesNothing(EngineProjects projects, @TempDir Path dir) throws Exception {
        String p = projects.create("lib");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: 127.0.0.1:1/jcompose-nope:latest
                    deploy: {endpoint_mode: dnsrr}
                """);
        SwarmStack stack = ComposeStack.builder().file(dir.resolve("compose.yaml")).projectName(p)
                .waitTimeout(Duration.ofMinutes(2)).buildSwarmStack();
        ComposeStackException e = assertThrows(ComposeStackException.class, stack::deploy);
        assertTrue(e.getMessage().startsWith("stack " + p + " was not deployed: "), e.getMessage());
        assertTrue(e.getMessage().contains("No such image: 127.0.0.1:1/jcompose-nope:latest"), e.getMessage());
        assertEquals(List.of(), leftovers(p), "the failed deploy was removed again");
        stack.close(); // closed already: nothing more
    }
}
