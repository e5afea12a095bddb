package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.testing.EngineApi;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.OwnEngine;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.planner.observed.ObservedContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the user made is lost: a marker file written into a named and an external volume is read back after every
 * command that touches the project; only {@code down -v} takes the named one (never the external one), only
 * {@code up -y} recreates a volume whose definition changed, and {@code --remove-orphans} never touches another
 * project, not even one whose name starts with this one's, nor {@code down -v} another project's volume this one
 * mounts by its name. On an engine of the class's own.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostNothingEngineTest {
    private OwnEngine own;
    private EngineApi api;
    private Engine engine;

    @TempDir
    Path dir;

    @BeforeAll
    void launch() {
        own = OwnEngine.launch(OwnEngine.Options.named("lost"));
        own.loadBaseImage();
        api = own.api();
    }

    @AfterAll
    void stopEngine() {
        if (own != null) own.close();
    }

    @BeforeEach
    void connect() {
        engine = own.connect();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private CliRunner cli(Path projectDir) {
        return new CliRunner(projectDir, env -> own.connect()).env("XDG_RUNTIME_DIR", dir.resolve("run").toString());
    }

    private Path projectDir(String name, String yaml) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("compose.yaml"), yaml);
        return d;
    }

    /** Runs {@code script} in a throwaway container with {@code binds}; its output (a TTY, so plain text). */
    private String inVolumes(List<String> binds, String script) {
        String id = api.expect("POST", "/containers/create", Map.of(
                "Image", RealEngine.BASE_IMAGE, "Cmd", List.of("sh", "-c", script), "Tty", true,
                "HostConfig", Map.of("Binds", binds))).get("Id").asText();
        try {
            api.expect("POST", "/containers/" + id + "/start", null);
            api.expect("POST", "/containers/" + id + "/wait", null);
            return api.get("/containers/" + id + "/logs?stdout=1&stderr=1").body().replace("\r", "").strip();
        } finally {
            api.delete("/containers/" + id + "?force=1");
        }
    }

    private void writeMarker(String volume, String marker) {
        assertEquals("", inVolumes(List.of(volume + ":/v"), "echo " + marker + " > /v/marker"));
    }

    /** The marker in the volume, or what stands for its absence. */
    private String marker(String volume) {
        return markers(List.of(volume)).get(0);
    }

    /** The markers in the volumes, read by one container (each one costs a second on a busy engine). */
    private List<String> markers(List<String> volumes) {
        List<String> binds = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < volumes.size(); i++) {
            if (!volumeExists(volumes.get(i))) {
                script.append("echo '(no volume)'; ");
                continue;
            }
            binds.add(volumes.get(i) + ":/v" + i + ":ro");
            script.append("cat /v").append(i).append("/marker 2>/dev/null || echo '(no marker)'; ");
        }
        return List.of(inVolumes(binds, script.toString()).split("\n"));
    }

    private boolean volumeExists(String volume) {
        return api.get("/volumes/" + volume).ok();
    }

    private static final String STACK = """
            services:
              app:
                image: jcompose/busybox:latest
                init: true
                command: ["sleep", "600"]
                volumes: ["data:/data", "ext:/ext", "/anon"]
            volumes:
              data: {}
              ext:
                external: true
                name: %s
            """;

    /** A command, and whether the project's named volume is still there after it (the external one always is). */
    record Row(List<String> args, boolean namedKept) {
        static Row keeps(String... args) {
            return new Row(List.of(args), true);
        }

        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    @Test
    void namedAndExternalVolumesSurviveEveryCommandButDownVWhichTakesOnlyTheNamedOne(EngineProjects projects) throws Exception {
        String p = projects.create("lost-vol");
        String ext = p + "-external";
        api.expect("POST", "/volumes/create", Map.of("Name", ext));
        CliRunner cli = cli(projectDir(p, STACK.formatted(ext)));
        assertEquals(0, cli.run("-p", p, "up", "-d").exit());
        String named = p + "_data";
        String marker = "kept-" + UUID.randomUUID();
        writeMarker(named, marker);
        writeMarker(ext, marker);
        // each row runs on what the rows before it left, so that every command finds something to act on
        List<Row> rows = List.of(
                Row.keeps("up", "-d"),
                Row.keeps("up", "-d", "--force-recreate", "-t", "0"),
                Row.keeps("up", "-d", "-V", "--force-recreate", "-t", "0"),
                Row.keeps("create", "--force-recreate"),
                Row.keeps("start"),
                Row.keeps("stop", "-t", "0"),
                Row.keeps("restart", "-t", "0"),
                Row.keeps("pause"),
                Row.keeps("unpause"),
                Row.keeps("kill"),
                Row.keeps("rm", "-f", "-v"),
                Row.keeps("run", "--rm", "-T", "app", "true"),
                Row.keeps("up", "-d", "--scale", "app=2"),
                Row.keeps("scale", "app=1"),
                Row.keeps("prune"),
                Row.keeps("down", "-t", "0"),
                Row.keeps("up", "-d"),
                Row.keeps("down", "--remove-orphans", "--rmi", "local", "-t", "0"),
                Row.keeps("up", "-d"),
                new Row(List.of("down", "-v", "-t", "0"), false));
        for (Row row : rows) {
            List<String> args = new ArrayList<>(List.of("-p", p));
            args.addAll(row.args());
            CliRunner.Result r = cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), row + ": " + r);
            assertEquals(List.of(row.namedKept() ? marker : "(no volume)", marker), markers(List.of(named, ext)),
                    "the named and the external volume after " + row);
        }
        api.delete("/volumes/" + ext);
    }

    private static final String CHANGING = """
            services:
              app:
                image: jcompose/busybox:latest
                init: true
                command: ["sleep", "600"]
                volumes: ["data:/data"]
            volumes:
              data:
                labels: {generation: "%s"}
            """;

    @Test
    void onlyUpYRecreatesAVolumeWhoseDefinitionChanged(EngineProjects projects) throws Exception {
        String p = projects.create("lost-def");
        Path d = projectDir(p, CHANGING.formatted("1"));
        CliRunner cli = cli(d);
        assertEquals(0, cli.run("-p", p, "up", "-d").exit());
        String named = p + "_data";
        String marker = "kept-" + UUID.randomUUID();
        writeMarker(named, marker);
        String created = api.expect("GET", "/volumes/" + named, null).get("CreatedAt").asText();
        Files.writeString(d.resolve("compose.yaml"), CHANGING.formatted("2"));
        List<List<String>> commands = List.of(
                List.of("up", "-d"),
                List.of("up", "-d", "--force-recreate", "-t", "0"),
                List.of("create"),
                List.of("run", "--rm", "-T", "app", "true"),
                List.of("down", "-t", "0"),
                List.of("up", "-d"),
                List.of("up", "-d", "-V"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(List.of("-p", p));
            args.addAll(command);
            CliRunner.Result r = cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), command + ": " + r);
            assertEquals(marker, marker(named), "the volume is kept after " + command + ": " + r.err());
            assertEquals("1", labels(named).path("generation").asText(), "its old definition stays after " + command);
        }
        CliRunner.Result yes = cli.run("-p", p, "up", "-d", "-y", "-t", "0");
        assertEquals(0, yes.exit(), yes.toString());
        assertEquals("(no marker)", marker(named), "up -y made it anew: " + yes.err());
        assertEquals("2", labels(named).path("generation").asText());
        assertNotEquals(created, api.expect("GET", "/volumes/" + named, null).get("CreatedAt").asText());
        List<ObservedContainer> app = engine.containers(p);
        assertEquals(1, app.size());
        assertTrue(app.get(0).running(), "the container mounting it was recreated and runs");
    }

    private JsonNode labels(String volume) {
        return api.expect("GET", "/volumes/" + volume, null).path("Labels");
    }

    private static final String WITH_OLD = """
            services:
              app:
                image: jcompose/busybox:latest
                init: true
                command: ["sleep", "600"]
                volumes: ["data:/data"]
              old:
                image: jcompose/busybox:latest
                init: true
                command: ["sleep", "600"]
            volumes:
              data: {}
            """;

    /** A, without its "old" service, mounting B's volume by its name (not external): A's down -v must leave it. */
    private static final String WITHOUT_OLD_BORROWING = """
            services:
              app:
                image: jcompose/busybox:latest
                init: true
                command: ["sleep", "600"]
                volumes: ["data:/data", "borrowed:/borrowed"]
            volumes:
              data: {}
              borrowed:
                name: %s
            """;

    @Test
    void removeOrphansAndDownVNeverTouchAnotherProjectEvenOneNamedLikeAnOrphan(EngineProjects projects) throws Exception {
        String a = projects.create("lost-orph");
        // B's containers are named "<a>-old-app-1": a name prefix match on A's orphan service "old" would take them
        String b = projects.track(a + "-old");
        CliRunner cliA = cli(projectDir(a, WITHOUT_OLD_BORROWING.formatted(b + "_data")));
        Files.writeString(dir.resolve(a).resolve("full.yaml"), WITH_OLD);
        CliRunner cliB = cli(projectDir(b, WITH_OLD));
        assertEquals(0, cliB.run("-p", b, "up", "-d").exit());
        String marker = "kept-" + UUID.randomUUID();
        writeMarker(b + "_data", marker);
        List<String> bIds = ids(b);
        List<List<String>> commands = List.of(
                List.of("up", "-d", "--remove-orphans"),
                List.of("create", "--remove-orphans"),
                List.of("run", "--rm", "-T", "--remove-orphans", "app", "true"),
                List.of("down", "--remove-orphans", "-t", "0"),
                List.of("down", "-v", "--remove-orphans", "-t", "0"));
        for (List<String> command : commands) {
            // A gets an orphan first: its "old" service, which compose.yaml no longer has
            assertEquals(0, cliA.run("-p", a, "-f", "full.yaml", "up", "-d").exit());
            assertTrue(names(a).contains(a + "-old-1"));
            List<String> args = new ArrayList<>(List.of("-p", a));
            args.addAll(command);
            CliRunner.Result r = cliA.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), command + ": " + r);
            assertFalse(names(a).contains(a + "-old-1"), "A's orphan went with " + command + ": " + r.err());
            assertEquals(bIds, ids(b), "B's containers, untouched by A's " + command);
            for (ObservedContainer c : engine.containers(b)) assertTrue(c.running(), c.name() + " still runs after A's " + command);
            assertEquals(marker, marker(b + "_data"), "B's volume, which A mounts by name, after A's " + command);
        }
    }

    private List<String> ids(String project) {
        return engine.containers(project).stream().map(ObservedContainer::id).sorted().toList();
    }

    private List<String> names(String project) {
        return engine.containers(project).stream().map(ObservedContainer::name).sorted().toList();
    }
}
