package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.EngineUnavailableException;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("engine")
@ExtendWith(RealEngine.class)
class DockerJavaEngineTest {
    @Test
    void negotiatesAnApiVersionTheEngineAccepts() {
        try (Engine engine = RealEngine.connect()) {
            String api = engine.info().apiVersion();
            assertTrue(ApiVersions.compare(api, DockerJavaEngine.NEWEST_API) <= 0, api);
            assertFalse(engine.info().engineVersion().isBlank());
        }
    }

    @Test
    void saysWhereItLookedWhenNoEngineAnswers() {
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> DockerJavaEngine.connect(Map.of("DOCKER_HOST", "unix:///tmp/jcompose-no-engine-here.sock")));
        assertTrue(e.getMessage().startsWith("Cannot connect to the Docker engine at unix:///tmp/jcompose-no-engine-here.sock"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/engine.sh"), e.getMessage());
    }

    @Test
    void createsStartsListsStopsAndRemovesWhatAProjectHolds(EngineProjects projects) {
        String p = projects.create("engine");
        try (Engine engine = RealEngine.connect()) {
            TreeMap<String, String> labels = new TreeMap<>(Map.of(Labels.PROJECT, p));
            engine.createNetwork(new NetworkSpec(p + "_default", null, new TreeMap<>(), labels, false, false, null, null));
            engine.createNetwork(new NetworkSpec(p + "_back", null, new TreeMap<>(), labels, false, false, null, null));
            engine.createVolume(new VolumeSpec(p + "_data", null, new TreeMap<>(), labels));
            TreeMap<String, String> containerLabels = new TreeMap<>(labels);
            containerLabels.put(Labels.SERVICE, "web");
            containerLabels.put(Labels.CONTAINER_NUMBER, "1");
            Map<String, ContainerSpec.NetworkAttachment> networks = new java.util.LinkedHashMap<>();
            networks.put(p + "_default", new ContainerSpec.NetworkAttachment(List.of("web"), null));
            networks.put(p + "_back", new ContainerSpec.NetworkAttachment(List.of("web", "www"), null));
            ContainerSpec spec = new ContainerSpec(p + "-web-1", "web", 1, RealEngine.BASE_IMAGE, List.of("sleep", "300"), null,
                    new TreeMap<>(Map.of("GREETING", "hi")), containerLabels,
                    List.of(new ContainerSpec.PortBinding("127.0.0.1", null, 80, "tcp")),
                    List.of(new ContainerSpec.MountSpec("volume", p + "_data", "/data", false)),
                    networks, "unless-stopped", null, null, null, true, false, false, null,
                    new dev.jcompose.spec.model.Resources(64L << 20, null, 500_000_000L, null));
            engine.createContainer(spec);
            engine.startContainer(spec.name());
            ObservedContainer c = engine.containers(p).get(0);
            assertEquals(spec.name(), c.name());
            assertEquals("running", c.state());
            assertEquals("67108864 500000000", dockerInspect(spec.name(), "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}"),
                    "resource limits reach the engine");
            assertEquals("web", c.service());
            assertEquals(1, c.number());
            assertEquals("127.0.0.1", c.ports().get(0).ip());
            assertTrue(c.ports().get(0).publicPort() > 0, "an ephemeral host port was given");
            assertTrue(engine.volume(p + "_data").isPresent());
            assertEquals(2, engine.networks().stream().filter(n -> p.equals(n.project())).count());

            engine.stopContainer(spec.name(), 1);
            assertEquals("exited", engine.containers(p).get(0).state());
            engine.stopContainer(spec.name(), 1); // stopping a stopped container is not an error
            engine.removeContainer(spec.name(), false);
            engine.removeContainer(spec.name(), false); // nor is removing a removed one
            assertTrue(engine.containers(p).isEmpty());
            engine.removeNetwork(p + "_default");
            engine.removeNetwork(p + "_back");
            engine.removeVolume(p + "_data");
            assertTrue(engine.volume(p + "_data").isEmpty());
        }
    }

    @Test
    void reportsTheEnginesOwnMessageWhenACallFails(EngineProjects projects) {
        String p = projects.create("fail");
        try (Engine engine = RealEngine.connect()) {
            ContainerSpec spec = new ContainerSpec(p + "-web-1", "web", 1, "jcompose/no-such-image:never", null, null,
                    new TreeMap<>(), new TreeMap<>(Map.of(Labels.PROJECT, p)), List.of(), List.of(), Map.of(),
                    null, null, null, null, null, false, false, null, null);
            EngineException e = assertThrows(EngineException.class, () -> engine.createContainer(spec));
            assertEquals("create container " + p + "-web-1: No such image: jcompose/no-such-image:never", e.getMessage());
            assertFalse(engine.imageExists("jcompose/no-such-image:never"));
            EngineException pull = assertThrows(EngineException.class, () -> engine.pullImage("jcompose/no-such-image:never"));
            assertTrue(pull.getMessage().startsWith("pull image jcompose/no-such-image:never: "), pull.getMessage());
        }
    }

    /** What the docker CLI reads off the engine: a view independent of the code under test. */
    static String dockerInspect(String container, String format) {
        try {
            Process p = new ProcessBuilder("docker", "inspect", "-f", format, container).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
