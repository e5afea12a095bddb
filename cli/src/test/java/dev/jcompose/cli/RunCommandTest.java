package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.planner.spec.ContainerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code run}'s flags on the in-memory engine: how each is parsed, what reaches the one-off, and what is refused. */
class RunCommandTest {
    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine().withImages("busybox").withRegistry("redis");
    CliRunner cli;

    @BeforeEach
    void file() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web:
                    image: busybox
                    command: [sleep, "60"]
                    ports: ["8080:80"]
                    cap_drop: [NET_RAW]
                    depends_on: [cache]
                  cache: {image: redis}
                volumes:
                  data: {}
                """);
        cli = CliRunner.withEngine(dir, engine);
    }

    /** Runs {@code run -d} with the arguments; returns the one-off's spec. */
    private ContainerSpec runDetached(String... args) {
        List<String> argv = new ArrayList<>(List.of("run", "-d"));
        argv.addAll(Arrays.asList(args));
        CliRunner.Result r = cli.run(argv.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        return engine.spec(r.out().strip()).orElseThrow(() -> new AssertionError("no container " + r.out()));
    }

    @Test
    void theFlagsReachTheOneOff() {
        ContainerSpec spec = runDetached("-p", "127.0.0.1:9000-9001:90-91/udp", "-p", "7000", "-v", "./src:/src:ro",
                "-v", "data:/data", "-u", "nobody", "-w", "/tmp", "--entrypoint", "sh -c", "--name", "one-off",
                "-l", "a=1", "--label", "b=x=y", "--cap-add", "NET_RAW", "--cap-add", "SYS_TIME", "--cap-drop", "CHOWN",
                "web", "echo hi");
        assertEquals("one-off", spec.name());
        assertEquals(List.of(new ContainerSpec.PortBinding("127.0.0.1", 9000, 90, "udp"),
                new ContainerSpec.PortBinding("127.0.0.1", 9001, 91, "udp"), new ContainerSpec.PortBinding("", null, 7000, "tcp")),
                spec.ports(), "-p only: the file's 8080:80 is not published");
        assertEquals(List.of("bind " + dir.resolve("src") + ":/src ro", "volume demo_data:/data rw"), spec.mounts().stream()
                .map(m -> m.type() + " " + m.source() + ":" + m.target() + (m.readOnly() ? " ro" : " rw")).toList(),
                "a relative source is from the project directory; a named volume is the project's");
        assertEquals("nobody", spec.user());
        assertEquals("/tmp", spec.workingDir());
        assertEquals(List.of("sh", "-c"), spec.entrypoint());
        assertEquals(List.of("echo hi"), spec.command());
        assertEquals("1", spec.labels().get("a"));
        assertEquals("x=y", spec.labels().get("b"));
        assertEquals(List.of("NET_RAW", "SYS_TIME"), spec.options().security().capAdd());
        assertEquals(List.of("CHOWN"), spec.options().security().capDrop(), "--cap-add NET_RAW took it out of cap_drop");
        assertEquals(List.of("one-off"), spec.networks().get("demo_default").aliases(), "no alias but its name");
    }

    @Test
    void entrypointWithoutACommandClearsTheFilesCommandAndEmptyClearsTheEntrypoint() {
        ContainerSpec env = runDetached("--entrypoint", "env", "web");
        assertEquals(List.of("env"), env.entrypoint());
        assertEquals(List.of(), env.command(), "sleep 60 was written for the image's entrypoint");
        ContainerSpec none = runDetached("--entrypoint", "", "web", "ls");
        assertEquals(List.of(), none.entrypoint());
        assertEquals(List.of("ls"), none.command());
        assertEquals(null, runDetached("web").entrypoint(), "not given: the image's");
    }

    @Test
    void useAliasesAndServicePorts() {
        ContainerSpec spec = runDetached("--use-aliases", "-P", "web");
        assertEquals(List.of(spec.name(), "web"), spec.networks().get("demo_default").aliases());
        assertEquals(List.of(new ContainerSpec.PortBinding("", 8080, 80, "tcp")), spec.ports());
    }

    @Test
    void optionsAfterTheServiceBelongToTheCommand() {
        ContainerSpec spec = runDetached("web", "ls", "-l", "-p", "-v");
        assertEquals(List.of("ls", "-l", "-p", "-v"), spec.command());
        assertTrue(spec.ports().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -p 80800 web                 | --publish 80800: invalid port "80800" in "80800": must be 1-65535
            -p 80 --service-ports web    | --service-ports and --publish are incompatible
            -v data:rel web              | --volume data:rel: invalid volume "data:rel": the container path "rel" must be absolute
            -v nope:/nope web            | --volume: volume "nope" (mounted at /nope) is not declared in the project's volumes
            -l novalue web               | --label novalue: label must be set as KEY=VALUE
            --entrypoint 'sh web         | --entrypoint 'sh: unclosed single quote
            --pull sometimes web         | invalid --pull value "sometimes": use always, missing or never
            --name -x web                | --name -x: invalid container name
            """)
    void aBadValueIsAUsageErrorAndChangesNothing(String args, String message) {
        CliRunner.Result r = cli.run(("run " + args).split(" "));
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(List.of(), engine.calls());
    }

    @Test
    void anUnknownVolumeModeIsNamedInAWarning() {
        CliRunner.Result r = cli.run("run", "-d", "-v", "/srv:/srv:roz", "web");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("WARN[0000] --volume /srv:/srv:roz: unknown volume option \"roz\": ignored"), r.err());
    }

    @Test
    void quietPullLeavesOutThePullsAndQuietAllProgress() {
        CliRunner.Result pulls = cli.run("run", "-d", "--quiet-pull", "web");
        assertEquals(0, pulls.exit(), pulls.toString());
        assertTrue(engine.calls().contains("pull image redis"), engine.calls().toString());
        assertFalse(pulls.err().contains("Image redis"), pulls.err());
        assertTrue(pulls.err().contains("Container demo-cache-1  Started"), pulls.err());

        engine.withRegistry("busybox");
        CliRunner.Result quiet = cli.run("run", "-d", "-q", "--pull", "always", "web");
        assertEquals(0, quiet.exit(), quiet.toString());
        assertEquals("", quiet.err(), "no progress at all");
        assertTrue(quiet.out().startsWith("demo-web-run-"), "the name is still printed: " + quiet.out());
        assertEquals(2, engine.calls().stream().filter(c -> c.equals("pull image redis")).count(), "--pull always pulled it again");
    }

    @Test
    void removeOrphansRemovesThemAndWithoutItTheyAreNamed() throws IOException {
        Files.writeString(dir.resolve("old.yaml"), "name: demo\nservices:\n  old: {image: busybox}\n");
        assertEquals(0, cli.run("-f", "old.yaml", "up", "-d").exit());
        CliRunner.Result warned = cli.run("run", "-d", "--no-deps", "web");
        assertTrue(warned.err().contains("Found orphan containers (demo-old-1)"), warned.err());
        assertTrue(engine.running("demo").contains("demo-old-1"));
        CliRunner.Result removed = cli.run("run", "-d", "--no-deps", "--remove-orphans", "web");
        assertEquals(0, removed.exit(), removed.toString());
        assertFalse(engine.running("demo").contains("demo-old-1"), engine.running("demo").toString());
        assertTrue(engine.calls().contains("remove container demo-old-1"), engine.calls().toString());
    }

    @Test
    void ignoreOrphansSaysNothing() throws IOException {
        Files.writeString(dir.resolve("old.yaml"), "name: demo\nservices:\n  old: {image: busybox}\n");
        assertEquals(0, cli.run("-f", "old.yaml", "up", "-d").exit());
        CliRunner.Result r = cli.env("COMPOSE_IGNORE_ORPHANS", "true").run("run", "-d", "--no-deps", "web");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.err().contains("orphan"), r.err());
    }

    @Test
    void rmWithDetachIsNotHonouredAndSaysSo() {
        CliRunner.Result r = cli.run("run", "-d", "--rm", "web");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("WARN[0000] --rm with --detach: the one-off is not removed when it exits"), r.err());
    }

    @Test
    void envWithoutAValueTakesItFromTheEnvironmentDotEnvIncluded() throws IOException {
        Files.writeString(dir.resolve(".env"), "FROM_DOTENV=dotenv\n");
        cli.env("FROM_SHELL", "shell");
        ContainerSpec spec = runDetached("-e", "FROM_DOTENV", "-e", "FROM_SHELL", "-e", "UNSET", "-e", "GIVEN=x", "web");
        assertEquals("dotenv", spec.environment().get("FROM_DOTENV"));
        assertEquals("shell", spec.environment().get("FROM_SHELL"));
        assertEquals("x", spec.environment().get("GIVEN"));
        assertFalse(spec.environment().containsKey("UNSET"), "a variable set nowhere is left out, as docker compose leaves it");
    }

    @Test
    void dryRunPrintsThePlansAndChangesNothing() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "name: demo\nservices:\n  web: {image: busybox, depends_on: [db]}\n  db: {image: busybox}\n");
        InMemoryEngine memory = new InMemoryEngine().withImages("busybox");
        CliRunner.Result r = CliRunner.withEngine(dir, memory).run("run", "--dry-run", "--rm", "web", "echo", "hi");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("create Container demo-db-1"), "the dependency's plan: " + r.out());
        assertTrue(r.out().contains("create Container demo-web-run-"), "the one-off's: " + r.out());
        assertEquals(List.of(), memory.calls(), "nothing changed");
    }
}
