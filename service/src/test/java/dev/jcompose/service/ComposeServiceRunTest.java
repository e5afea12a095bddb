package dev.jcompose.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.Orphans;
import dev.jcompose.planner.PullPolicy;
import dev.jcompose.planner.RunOptions;
import dev.jcompose.planner.RunOverrides;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.ServiceVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}'s options through the service layer on the in-memory engine: what reaches the one-off and its plans. */
class ComposeServiceRunTest {
    @TempDir
    Path dir;

    private static final Stdio NO_STDIO = new Stdio(null, b -> { }, b -> { });

    private Project project(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
    }

    private ComposeService service(InMemoryEngine engine) {
        return new ComposeService(engine, new ComposeService.Settings(4, dir.resolve("locks")));
    }

    private static RunRequest detached(RunOverrides overrides, String name, boolean useAliases, RunOptions options, BuildOptions build) {
        return new RunRequest("web", overrides, name, useAliases, options, build, true, false, false, false);
    }

    private static final String WEB = """
            services:
              web:
                image: busybox
                command: [sleep, "60"]
                ports: ["8080:80"]
                networks: {default: {aliases: [www]}}
            volumes:
              data: {}
            """;

    @Test
    void everyOverrideReachesTheOneOffContainer() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        RunOverrides overrides = new RunOverrides(List.of("-c", "id"), List.of("sh"), new TreeMap<>(Map.of("E", "1")),
                RunOverrides.Ports.published(List.of(new PortConfig("127.0.0.1", 9000, 90, "udp", null))),
                List.of(new ServiceVolume(ServiceVolume.VOLUME, "data", "/data", true)), "nobody", "/tmp",
                new TreeMap<>(Map.of("purpose", "test")), List.of("SYS_TIME"), List.of("CHOWN"));
        RunResult result = service(engine).run(project(WEB), detached(overrides, "one", false, RunOptions.defaults(),
                BuildOptions.ifMissing()), NO_STDIO, Events.NONE);
        assertTrue(result.outcome().ok(), result.toString());
        assertEquals("one", result.container());
        ContainerSpec spec = engine.spec("one").orElseThrow();
        assertEquals(List.of("sh"), spec.entrypoint());
        assertEquals(List.of("-c", "id"), spec.command());
        assertEquals("1", spec.environment().get("E"));
        assertEquals(List.of(new ContainerSpec.PortBinding("127.0.0.1", 9000, 90, "udp")), spec.ports());
        assertEquals("demo_data:/data ro", spec.mounts().get(0).source() + ":" + spec.mounts().get(0).target()
                + (spec.mounts().get(0).readOnly() ? " ro" : ""));
        assertEquals("nobody /tmp", spec.user() + " " + spec.workingDir());
        assertEquals("test", spec.labels().get("purpose"));
        assertEquals(List.of("SYS_TIME"), spec.options().security().capAdd());
        assertEquals(List.of("CHOWN"), spec.options().security().capDrop());
        assertTrue(engine.calls().indexOf("create volume demo_data") < engine.calls().indexOf("create container one"),
                "the volume only -v mounts is made first: " + engine.calls());
    }

    @Test
    void aOneOffAnswersToItsNameOnlyUnlessAskedToUseTheAliases() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        Project p = project(WEB);
        RunResult plain = service(engine).run(p, detached(RunOverrides.none(), null, false, RunOptions.defaults(),
                BuildOptions.ifMissing()), NO_STDIO, Events.NONE);
        assertEquals(List.of(plain.container()), engine.spec(plain.container()).orElseThrow().networks().get("demo_default").aliases());
        assertTrue(engine.spec(plain.container()).orElseThrow().ports().isEmpty(), "no -p: the service's ports are not published");
        RunResult aliased = service(engine).run(p, detached(RunOverrides.none(), null, true, RunOptions.defaults(),
                BuildOptions.ifMissing()), NO_STDIO, Events.NONE);
        assertEquals(List.of(aliased.container(), "web", "www"),
                engine.spec(aliased.container()).orElseThrow().networks().get("demo_default").aliases());
    }

    @Test
    void pullAlwaysPullsTheImageThatIsThere() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox").withRegistry("busybox");
        RunOptions always = new RunOptions(false, PullPolicy.ALWAYS, Orphans.WARN);
        assertTrue(service(engine).run(project(WEB), detached(RunOverrides.none(), null, false, always, BuildOptions.ifMissing()),
                NO_STDIO, Events.NONE).outcome().ok());
        assertTrue(engine.calls().contains("pull image busybox"), engine.calls().toString());
    }

    @Test
    void buildRebuildsAnImageThatIsThere() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox", "demo-web");
        Project p = project("services:\n  web: {build: .}\n");
        assertTrue(service(engine).run(p, detached(RunOverrides.none(), null, false, RunOptions.defaults(),
                BuildOptions.ifMissing()), NO_STDIO, Events.NONE).outcome().ok());
        assertFalse(engine.calls().contains("build image demo-web"), "there already: " + engine.calls());
        assertTrue(service(engine).run(p, detached(RunOverrides.none(), null, false, RunOptions.defaults(),
                BuildOptions.forced(false, false, Map.of())), NO_STDIO, Events.NONE).outcome().ok());
        assertTrue(engine.calls().contains("build image demo-web"), "--build: " + engine.calls());
    }

    @Test
    void orphansAreNamedByDefaultAndRemovedWhenAsked() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        service(engine).up(project("services:\n  old: {image: busybox}\n  web: {image: busybox}\n"), UpRequest.detached(), Events.NONE);
        Project p = project(WEB);
        ComposeServiceTest.Recorder events = new ComposeServiceTest.Recorder();
        service(engine).run(p, detached(RunOverrides.none(), null, false, RunOptions.defaults(), BuildOptions.ifMissing()),
                NO_STDIO, events);
        assertTrue(events.seen.stream().anyMatch(e -> e.startsWith("warning: Found orphan containers (demo-old-1)")), events.seen.toString());
        assertTrue(engine.running("demo").contains("demo-old-1"));
        RunOptions remove = new RunOptions(false, PullPolicy.SERVICE, Orphans.REMOVE);
        service(engine).run(p, detached(RunOverrides.none(), null, false, remove, BuildOptions.ifMissing()), NO_STDIO, Events.NONE);
        assertTrue(engine.calls().contains("remove container demo-old-1"), engine.calls().toString());
    }

    @Test
    void overridesTheProjectCannotTakeChangeNothing() throws IOException {
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        RunOverrides undeclared = new RunOverrides(List.of(), null, new TreeMap<>(), RunOverrides.Ports.published(List.of()),
                List.of(new ServiceVolume(ServiceVolume.VOLUME, "nope", "/nope", false)), null, null, new TreeMap<>(),
                List.of(), List.of());
        Project p = project(WEB);
        assertThrows(IllegalArgumentException.class, () -> service(engine).run(p, detached(undeclared, null, false,
                RunOptions.defaults(), BuildOptions.ifMissing()), NO_STDIO, Events.NONE));
        assertEquals(List.of(), engine.calls());
    }
}
