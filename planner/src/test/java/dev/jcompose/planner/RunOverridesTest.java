package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** run's flags applied to the service model, one case per flag and per interaction docker compose v2 defines. */
class RunOverridesTest {
    @TempDir
    Path dir;

    private static final String FILE = """
            services:
              web:
                image: busybox
                entrypoint: [/bin/sh, -c]
                command: ["echo from the file"]
                environment: {A: file, B: file}
                labels: {team: web}
                user: "1000"
                working_dir: /srv
                ports: ["8080:80"]
                volumes: ["./www:/www", "data:/data"]
                cap_add: [NET_ADMIN]
                cap_drop: [MKNOD]
            volumes:
              data: {}
            """;

    private Project project() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), FILE);
        return ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
    }

    /** The overrides with every flag absent but the one a case sets. */
    private record Case(String name, UnaryOperator<RunOverrides> flags, Function<Service, Object> read, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static RunOverrides with(RunOverrides o, List<String> command, List<String> entrypoint) {
        return new RunOverrides(command, entrypoint, o.environment(), o.ports(), o.volumes(), o.user(), o.workingDir(),
                o.labels(), o.capAdd(), o.capDrop());
    }

    private static RunOverrides withStrings(RunOverrides o, String user, String workingDir) {
        return new RunOverrides(o.command(), o.entrypoint(), o.environment(), o.ports(), o.volumes(), user, workingDir,
                o.labels(), o.capAdd(), o.capDrop());
    }

    private static RunOverrides withMaps(RunOverrides o, Map<String, String> env, Map<String, String> labels) {
        return new RunOverrides(o.command(), o.entrypoint(), new TreeMap<>(env), o.ports(), o.volumes(), o.user(),
                o.workingDir(), new TreeMap<>(labels), o.capAdd(), o.capDrop());
    }

    private static RunOverrides withPorts(RunOverrides o, RunOverrides.Ports ports) {
        return new RunOverrides(o.command(), o.entrypoint(), o.environment(), ports, o.volumes(), o.user(), o.workingDir(),
                o.labels(), o.capAdd(), o.capDrop());
    }

    private static RunOverrides withVolumes(RunOverrides o, List<ServiceVolume> volumes) {
        return new RunOverrides(o.command(), o.entrypoint(), o.environment(), o.ports(), volumes, o.user(), o.workingDir(),
                o.labels(), o.capAdd(), o.capDrop());
    }

    private static RunOverrides withCaps(RunOverrides o, List<String> add, List<String> drop) {
        return new RunOverrides(o.command(), o.entrypoint(), o.environment(), o.ports(), o.volumes(), o.user(),
                o.workingDir(), o.labels(), add, drop);
    }

    private static String ports(Service s) {
        return s.ports().stream().map(p -> p.published() + ":" + p.target()).toList().toString();
    }

    private static String volumes(Service s) {
        return s.volumes().stream().map(v -> v.type() + " " + v.source() + ":" + v.target()).toList().toString();
    }

    private static String caps(Service s) {
        return "add " + s.options().security().capAdd() + " drop " + s.options().security().capDrop();
    }

    static Stream<Arguments> cases() {
        Function<Service, Object> commandAndEntrypoint = s -> s.entrypoint() + " " + s.command();
        return Stream.of(
                new Case("nothing given: the file's command and entrypoint", o -> o, commandAndEntrypoint,
                        "[/bin/sh, -c] [echo from the file]"),
                new Case("a command replaces the file's", o -> with(o, List.of("ls", "-l"), null), commandAndEntrypoint,
                        "[/bin/sh, -c] [ls, -l]"),
                new Case("--entrypoint alone clears the file's command too", o -> with(o, List.of(), List.of("env")),
                        commandAndEntrypoint, "[env] []"),
                new Case("--entrypoint with a command keeps that command", o -> with(o, List.of("-0"), List.of("env")),
                        commandAndEntrypoint, "[env] [-0]"),
                new Case("--entrypoint '' is no entrypoint at all", o -> with(o, List.of(), List.of()),
                        commandAndEntrypoint, "[] []"),
                new Case("-u and -w replace the file's", o -> withStrings(o, "nobody", "/tmp"),
                        s -> s.user() + " " + s.workingDir(), "nobody /tmp"),
                new Case("-u '' and -w '' are not given", o -> withStrings(o, "", ""),
                        s -> s.user() + " " + s.workingDir(), "1000 /srv"),
                new Case("-e adds and wins", o -> withMaps(o, Map.of("B", "flag", "C", "flag"), Map.of()),
                        Service::environment, "{A=file, B=flag, C=flag}"),
                new Case("-l adds and wins", o -> withMaps(o, Map.of(), Map.of("team", "ops", "x", "1")),
                        Service::labels, "{team=ops, x=1}"),
                new Case("no -p: a one-off publishes nothing", o -> o, RunOverridesTest::ports, "[]"),
                new Case("-p publishes what it says", o -> withPorts(o, RunOverrides.Ports.published(
                        List.of(new PortConfig("", 9090, 90, "tcp", null)))), RunOverridesTest::ports, "[9090:90]"),
                new Case("--service-ports: the file's", o -> withPorts(o, RunOverrides.Ports.ofService()),
                        RunOverridesTest::ports, "[8080:80]"),
                new Case("-v mounts beside the file's", o -> withVolumes(o, List.of(
                        new ServiceVolume(ServiceVolume.BIND, "/host", "/extra", false))), RunOverridesTest::volumes,
                        "[bind <dir>/www:/www, volume data:/data, bind /host:/extra]"),
                new Case("-v at a target the file mounts takes its place", o -> withVolumes(o, List.of(
                        new ServiceVolume(ServiceVolume.BIND, "/host", "/data", true))), RunOverridesTest::volumes,
                        "[bind <dir>/www:/www, bind /host:/data]"),
                new Case("--cap-add takes it out of cap_drop", o -> withCaps(o, List.of("MKNOD", "SYS_TIME"), List.of()),
                        RunOverridesTest::caps, "add [NET_ADMIN, MKNOD, SYS_TIME] drop []"),
                new Case("--cap-drop takes it out of cap_add", o -> withCaps(o, List.of(), List.of("NET_ADMIN")),
                        RunOverridesTest::caps, "add [] drop [MKNOD, NET_ADMIN]"),
                new Case("--cap-add and --cap-drop of one: dropped", o -> withCaps(o, List.of("CHOWN"), List.of("CHOWN")),
                        RunOverridesTest::caps, "add [NET_ADMIN] drop [MKNOD, CHOWN]"),
                new Case("--cap-add of one already added: once", o -> withCaps(o, List.of("NET_ADMIN"), List.of()),
                        RunOverridesTest::caps, "add [NET_ADMIN] drop [MKNOD]")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appliesToTheService(Case c) throws IOException {
        Project project = project();
        Project applied = c.flags().apply(RunOverrides.none()).applyTo(project, "web");
        String got = String.valueOf(c.read().apply(applied.service("web"))).replace(dir.toString(), "<dir>");
        assertEquals(c.expected(), got);
    }

    @Test
    void theProjectKeepsItsOtherServicesAndResources() throws IOException {
        Project project = project();
        Project applied = RunOverrides.of(List.of("true"), Map.of()).applyTo(project, "web");
        assertEquals(project.volumes(), applied.volumes());
        assertEquals(project.networks(), applied.networks());
        assertEquals(project.services().keySet(), applied.services().keySet());
    }

    @Test
    void aNamedVolumeTheProjectDoesNotDeclareIsAProblemAndNotApplied() throws IOException {
        Project project = project();
        RunOverrides o = withVolumes(RunOverrides.none(), List.of(
                new ServiceVolume(ServiceVolume.VOLUME, "data", "/d2", false),
                new ServiceVolume(ServiceVolume.VOLUME, "cache", "/cache", false),
                new ServiceVolume(ServiceVolume.VOLUME, null, "/anonymous", false)));
        String problem = "volume \"cache\" (mounted at /cache) is not declared in the project's volumes: declare it under"
                + " the top-level volumes key, or give a path (./cache)";
        assertEquals(List.of(problem), o.problems(project));
        assertEquals(problem, assertThrows(IllegalArgumentException.class, () -> o.applyTo(project, "web")).getMessage());
    }
}
