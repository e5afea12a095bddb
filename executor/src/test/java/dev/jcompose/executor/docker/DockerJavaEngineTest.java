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
                    dev.jcompose.spec.model.Resources.limits(64L << 20, null, 500_000_000L, null));
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

    /** The create-container body is written by hand (EngineJson): every setting is read back with the docker CLI. */
    @Test
    void everyContainerSettingReachesTheEngine(EngineProjects projects, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String p = projects.create("settings");
        try (Engine engine = RealEngine.connect()) {
            TreeMap<String, String> labels = new TreeMap<>(Map.of(Labels.PROJECT, p));
            engine.createNetwork(new NetworkSpec(p + "_default", null, new TreeMap<>(), labels, false, false, null, null));
            engine.createNetwork(new NetworkSpec(p + "_back", null, new TreeMap<>(), labels, false, true, null,
                    new NetworkSpec.Ipam(null, List.of(new NetworkSpec.Pool("10.231.7.0/24", null, "10.231.7.1", new TreeMap<>())), new TreeMap<>())));
            engine.createVolume(new VolumeSpec(p + "_data", null, new TreeMap<>(Map.of("type", "tmpfs", "device", "tmpfs")), labels));
            TreeMap<String, String> containerLabels = new TreeMap<>(labels);
            containerLabels.put(Labels.SERVICE, "web");
            Map<String, ContainerSpec.NetworkAttachment> networks = new java.util.LinkedHashMap<>();
            networks.put(p + "_default", new ContainerSpec.NetworkAttachment(List.of("web", "front"), null));
            networks.put(p + "_back", new ContainerSpec.NetworkAttachment(List.of("api"), "10.231.7.9"));
            ContainerSpec spec = new ContainerSpec(p + "-web-1", "web", 1, RealEngine.BASE_IMAGE, List.of("-c", "sleep 300"),
                    List.of("/bin/sh"), new TreeMap<>(Map.of("GREETING", "hi", "EMPTY", "")), containerLabels,
                    List.of(new ContainerSpec.PortBinding("127.0.0.1", null, 80, "tcp"), new ContainerSpec.PortBinding("", null, 53, "udp")),
                    List.of(new ContainerSpec.MountSpec("volume", p + "_data", "/data", false),
                            new ContainerSpec.MountSpec("bind", dir.toString(), "/host", true),
                            new ContainerSpec.MountSpec("tmpfs", null, "/scratch", false)),
                    networks, "on-failure:3", "/tmp", "nobody", "webhost", true, false, false,
                    new dev.jcompose.spec.model.Healthcheck(List.of("CMD", "true"), 5_000_000_000L, 2_000_000_000L, 3, 1_000_000_000L, null),
                    dev.jcompose.spec.model.Resources.limits(64L << 20, 32L << 20, 500_000_000L, 100L));
            engine.createContainer(spec);
            String n = spec.name();
            assertEquals("[\"/bin/sh\"] [\"-c\",\"sleep 300\"]", dockerInspect(n, "{{json .Config.Entrypoint}} {{json .Config.Cmd}}"));
            assertEquals("/tmp nobody webhost", dockerInspect(n, "{{.Config.WorkingDir}} {{.Config.User}} {{.Config.Hostname}}"));
            assertTrue(dockerInspect(n, "{{json .Config.Env}}").contains("\"GREETING=hi\",\"EMPTY=\"")
                    || dockerInspect(n, "{{json .Config.Env}}").contains("\"EMPTY=\",\"GREETING=hi\""), dockerInspect(n, "{{json .Config.Env}}"));
            assertEquals("web", dockerInspect(n, "{{index .Config.Labels \"" + Labels.SERVICE + "\"}}"));
            assertEquals("on-failure:3 true", dockerInspect(n, "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}} {{.HostConfig.Init}}"));
            assertEquals("67108864 33554432 500000000 100", dockerInspect(n,
                    "{{.HostConfig.Memory}} {{.HostConfig.MemoryReservation}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}"));
            assertEquals("[\"" + dir + ":/host:ro\"]", dockerInspect(n, "{{json .HostConfig.Binds}}"));
            assertEquals("bind:/host:false tmpfs:/scratch:true volume:/data:true", java.util.Arrays.stream(
                    dockerInspect(n, "{{range .Mounts}}{{.Type}}:{{.Destination}}:{{.RW}} {{end}}").split(" ")).sorted()
                    .collect(java.util.stream.Collectors.joining(" ")));
            assertEquals("[CMD true] 5s 2s 3 1s", dockerInspect(n, "{{.Config.Healthcheck.Test}} {{.Config.Healthcheck.Interval}} "
                    + "{{.Config.Healthcheck.Timeout}} {{.Config.Healthcheck.Retries}} {{.Config.Healthcheck.StartPeriod}}"));
            assertEquals("{\"53/udp\":{},\"80/tcp\":{}}", dockerInspect(n, "{{json .Config.ExposedPorts}}"));
            assertEquals("127.0.0.1 ", dockerInspect(n, "{{range (index .HostConfig.PortBindings \"80/tcp\")}}{{.HostIp}} {{.HostPort}}{{end}}") + " ");
            engine.startContainer(n);
            String front = dockerInspect(n, "{{range $k, $v := .NetworkSettings.Networks}}{{if eq $k \"" + p + "_default\"}}"
                    + "{{join $v.Aliases \",\"}}{{end}}{{end}}");
            assertTrue(List.of(front.split(",")).containsAll(List.of("web", "front")), front);
            String back = dockerInspect(n, "{{range $k, $v := .NetworkSettings.Networks}}{{if eq $k \"" + p + "_back\"}}"
                    + "{{join $v.Aliases \",\"}}|{{$v.IPAddress}}{{end}}{{end}}");
            assertTrue(List.of(back.split("\\|")[0].split(",")).contains("api"), back);
            assertEquals("10.231.7.9", back.split("\\|")[1], back);
            engine.removeContainer(n, true);
            engine.removeNetwork(p + "_default");
            engine.removeNetwork(p + "_back");
            engine.removeVolume(p + "_data");
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
