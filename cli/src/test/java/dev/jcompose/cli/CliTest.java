package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.EngineUnavailableException;
import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.spec.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line against the in-memory engine: outputs, exit codes, and that bad input changes nothing. */
class CliTest {
    static final Path GOLDEN = Path.of("src/test/resources/cli");

    @TempDir
    Path dir;
    InMemoryEngine engine;
    CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web:
                    image: busybox
                    command: httpd -f -p 80
                    ports: ["${WEB_PORT:-8080}:80"]
                    depends_on: [db]
                  db:
                    image: busybox
                    volumes: ["data:/data"]
                volumes:
                  data: {}
                """);
        engine = new InMemoryEngine().withImages("busybox");
        cli = CliRunner.withEngine(dir, engine);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void versionNeedsNoEngine() {
        CliRunner.Result r = cli.run("version");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("jcompose version \\S+\n"), r.out());
        assertEquals("jcompose version " + VersionCommand.version() + "\n", cli.run("--version").out());
        assertEquals(0, cli.connections());
    }

    @ParameterizedTest(name = "{0} --help")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"up", "down", "ps", "config", "version"})
    void everyCommandHasHelp(String command) {
        CliRunner.Result r = cli.run(command, "--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("Usage: jcompose " + command), r.out());
        assertTrue(r.out().contains("-h, --help"), r.out());
    }

    @Test
    void upDetachedThenPsThenDown() {
        CliRunner.Result up = cli.run("up", "-d");
        assertEquals(0, up.exit(), up.toString());
        assertTrue(up.err().contains(" Container demo-web-1  Started"), up.err());
        assertEquals(List.of("demo-db-1", "demo-web-1"), engine.running("demo"));

        CliRunner.Result again = cli.run("up", "-d");
        assertEquals(0, again.exit(), again.toString());
        assertEquals("", again.err(), "nothing changed, nothing to report");

        CliRunner.Result ps = cli.run("ps");
        Golden.assertMatches(GOLDEN.resolve("ps.txt"), ps.out());
        assertEquals("db\nweb\n", cli.run("ps", "--services").out());

        CliRunner.Result down = cli.run("down");
        assertEquals(0, down.exit(), down.toString());
        assertTrue(engine.containers("demo").isEmpty());
        assertTrue(engine.networks().isEmpty());
        assertTrue(engine.volume("demo_data").isPresent(), "named volumes survive down");

        assertEquals(0, cli.run("down", "-v").exit());
        assertTrue(engine.volume("demo_data").isEmpty(), "down -v removes them");
    }

    @Test
    void execRunsInTheServicesRunningContainerAndNeedsOne() {
        CliRunner.Result notRunning = cli.run("exec", "web", "hostname", "-i");
        assertEquals(ExitCodes.FAILED, notRunning.exit(), notRunning.toString());
        assertEquals("service \"web\" is not running\n", notRunning.err());

        assertEquals(0, cli.run("up", "-d").exit());
        CliRunner.Result exec = cli.run("exec", "-T", "web", "hostname", "-i");
        assertEquals(0, exec.exit(), exec.toString());
        assertEquals("hostname -i\n", exec.out(), "the in-memory engine echoes the command it ran");
        assertTrue(engine.calls().contains("exec demo-web-1 hostname -i"), engine.calls().toString());
        assertEquals(ExitCodes.FAILED, cli.run("exec", "--index", "2", "web", "true").exit(), "there is no web #2");
        assertEquals(ExitCodes.INVALID_PROJECT, cli.run("exec", "nope", "true").exit());
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() {
        CliRunner.Result r = cli.run("up", "-d", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        Golden.assertMatches(GOLDEN.resolve("up-dry-run.txt"), r.out());
        assertTrue(engine.calls().isEmpty(), engine.calls().toString());
    }

    @Test
    void configPrintsTheResolvedProject() {
        CliRunner.Result r = cli.env("WEB_PORT", "9999").run("config");
        assertEquals(0, r.exit(), r.toString());
        Golden.assertMatches(GOLDEN.resolve("config.yaml"), r.out().replace(dir.toString(), "<dir>"));
        assertEquals("db\nweb\n", cli.run("config", "--services").out());
        assertEquals("data\n", cli.run("config", "--volumes").out());
        assertTrue(cli.run("config", "--format", "json").out().contains("\"published\" : \"9999\""));
        assertEquals(0, cli.connections(), "config needs no engine");
    }

    @Test
    void configHashIsTheHashUpStoresInTheLabel() {
        assertEquals(0, cli.run("up", "-d").exit());
        String web = engine.label("demo-web-1", dev.jcompose.planner.Labels.CONFIG_HASH);
        String db = engine.label("demo-db-1", dev.jcompose.planner.Labels.CONFIG_HASH);
        assertEquals("db " + db + "\nweb " + web + "\n", cli.run("config", "--hash", "*").out());
        assertEquals("web " + web + "\n", cli.run("config", "--hash", "web").out());
        CliRunner.Result wrong = cli.run("config", "--hash", "wbe");
        assertEquals(ExitCodes.INVALID_PROJECT, wrong.exit());
        assertTrue(wrong.err().contains("no such service: wbe (did you mean \"web\"?)"), wrong.err());
    }

    @Test
    void configListsVariablesEnvironmentAndProfiles() throws IOException {
        write("compose.yaml", """
                name: demo
                services:
                  web:
                    image: "busybox:${TAG:?set TAG}"
                    ports: ["${PORT:-8080}:80"]
                    environment: {MODE: "${MODE:+on}"}
                  debug:
                    image: busybox
                    profiles: [debug, dev]
                """);
        Golden.assertMatches(GOLDEN.resolve("config-variables.txt"), cli.run("config", "--variables").out());
        CliRunner.Result env = cli.env("TAG", "1.36").run("config", "--environment");
        assertTrue(env.out().lines().anyMatch(l -> l.equals("TAG=1.36")), env.out());
        assertEquals("debug\ndev\n", cli.run("config", "--profiles").out());
        assertEquals("web\n", cli.run("config", "--services").out());
        assertEquals("debug\nweb\n", cli.run("--profile", "dev", "config", "--services").out());
        assertEquals("debug\nweb\n", cli.env("COMPOSE_PROFILES", "*").run("config", "--services").out());
    }

    @Test
    void configWithoutNormalizationOrPathResolutionPrintsWhatWasWritten() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: busybox\n    volumes: [\"./site:/www\"]\n");
        String normal = cli.run("-p", "demo", "config").out();
        assertTrue(normal.contains("demo_default") && normal.contains(dir.resolve("site").toString()), normal);
        String raw = cli.run("-p", "demo", "config", "--no-normalize", "--no-path-resolution").out();
        assertFalse(raw.contains("demo_default"), raw);
        assertTrue(raw.contains("source: ./site"), raw);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            yaml-syntax       | services:\\n  web:\\n    image: [busybox\\n                                  | compose.yaml:4:1: invalid YAML
            unknown-key       | services:\\n  web:\\n    imagee: busybox\\n                                  | compose.yaml:3:5: services.web.imagee: unknown attribute "imagee" (did you mean "image"?)
            unknown-dependency| services:\\n  web:\\n    image: busybox\\n    depends_on: [dbb]\\n  db:\\n    image: busybox\\n | compose.yaml:4:18: services.web.depends_on: depends on undefined service "dbb" (did you mean "db"?)
            cycle             | services:\\n  a:\\n    image: busybox\\n    depends_on: [b]\\n  b:\\n    image: busybox\\n    depends_on: [a]\\n | dependency cycle detected: a -> b -> a
            """)
    void invalidProjectsExit3AndChangeNothingOnTheEngine(String name, String yaml, String expected) throws IOException {
        write("compose.yaml", yaml.replace("\\n", "\n"));
        for (String command : List.of("up -d", "config", "down")) {
            CliRunner.Result r = cli.run(command.split(" "));
            assertEquals(ExitCodes.INVALID_PROJECT, r.exit(), command + ": " + r);
            assertTrue(r.err().contains(expected), command + ": " + r);
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        }
        // engine commands connect while the files are read (a ping, no change); nothing else reaches the engine
        assertTrue(engine.calls().isEmpty(), engine.calls().toString());
    }

    @Test
    void aMissingFileIsNamed() {
        CliRunner.Result r = cli.run("-f", "nope.yaml", "up", "-d");
        assertEquals(ExitCodes.INVALID_PROJECT, r.exit(), r.toString());
        assertEquals(dir.resolve("nope.yaml") + ": no such file (check the -f path)\n", r.err());
    }

    @Test
    void noComposeFileAtAllSaysWhatWasLookedFor(@TempDir Path empty) {
        CliRunner.Result r = CliRunner.withEngine(empty, engine).run("ps");
        assertEquals(ExitCodes.INVALID_PROJECT, r.exit(), r.toString());
        assertTrue(r.err().contains("no configuration file provided: none of compose.yaml, compose.yml, docker-compose.yaml,"
                + " docker-compose.yml found here or in a parent directory (run jcompose in the project's folder, or pass -f FILE)"), r.err());
    }

    @Test
    void anUnreachableEngineExits4WithWhatToDo() {
        CliRunner unreachable = new CliRunner(dir, env -> {
            throw new EngineUnavailableException("Cannot connect to the Docker engine at unix:///x.sock: refused."
                    + " Is the engine running? Start one with scripts/engine.sh, or set DOCKER_HOST.", null);
        });
        for (String command : List.of("up -d", "ps", "down")) {
            CliRunner.Result r = unreachable.run(command.split(" "));
            assertEquals(ExitCodes.ENGINE_UNAVAILABLE, r.exit(), command + ": " + r);
            assertTrue(r.err().contains("Start one with scripts/engine.sh"), r.toString());
        }
    }

    @Test
    void theValuedGlobalOptionsAreTheOnesRootCommandDeclares() {
        // Cli finds the command word (to start connecting, to add only that command) before picocli is built
        var declared = new java.util.TreeSet<String>();
        for (var o : Cli.commandLine(Context.system()).getCommandSpec().options()) {
            if (o.arity().min() > 0) declared.addAll(List.of(o.names()));
        }
        assertEquals(declared, new java.util.TreeSet<>(Cli.VALUED_GLOBAL_OPTIONS));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            up -d                                  | up
            -f a.yaml -p x up -d                   | up
            --file=a.yaml --profile dev ps         | ps
            --project-directory up down            | down
            --env-file .env --parallel 2 config    | config
            --verbose -f up                        | -
            -- up                                  | -
            -p                                     | -
            """)
    void theCommandWordIsTheFirstWordThatIsNoOptionValue(String args, String word) {
        assertEquals(word, Cli.commandWord(args.trim().split(" +")));
    }

    @Test
    void usageErrorsExit2() {
        CliRunner.Result r = cli.run("up", "--no-such-flag");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("Unknown option: '--no-such-flag'"), r.err());
        assertEquals(ExitCodes.USAGE, cli.run("frobnicate").exit());
    }

    @Test
    void aFailedEngineCallExits1AndSaysWhatWasNotDone() {
        engine.failing(call -> call.equals("create container demo-db-1"));
        CliRunner.Result r = cli.run("up", "-d");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("Error: create container demo-db-1: injected failure"), r.err());
        assertTrue(r.err().contains("not run because of the error: start Container demo-db-1, create Container demo-web-1, start Container demo-web-1"), r.err());
        assertFalse(engine.calls().contains("create container demo-web-1"));
    }

    @Test
    void aMissingImageThatCannotBePulledChangesNothing() {
        InMemoryEngine bare = new InMemoryEngine();
        CliRunner.Result r = CliRunner.withEngine(dir, bare).run("up", "-d");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("Error: pull image busybox: no registry answers"), r.err());
        assertEquals(List.of("pull image busybox"), bare.calls(), "nothing is created before every image is there");
    }

    @Test
    void downWorksFromTheProjectNameAloneWithoutAFile(@TempDir Path elsewhere) {
        assertEquals(0, cli.run("up", "-d").exit());
        CliRunner.Result r = CliRunner.withEngine(elsewhere, engine).run("-p", "demo", "down");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(engine.containers("demo").isEmpty());
    }

    @Test
    void orphansAreNamedAndRemovedOnlyWhenAsked() throws IOException {
        assertEquals(0, cli.run("up", "-d").exit());
        write("compose.yaml", "name: demo\nservices:\n  web:\n    image: busybox\n");
        CliRunner.Result warned = cli.run("up", "-d");
        assertTrue(warned.err().contains("Found orphan containers (demo-db-1) for this project."), warned.err());
        assertTrue(engine.running("demo").contains("demo-db-1"));
        CliRunner.Result removed = cli.env("COMPOSE_REMOVE_ORPHANS", "true").run("up", "-d");
        assertEquals(0, removed.exit(), removed.toString());
        assertEquals(List.of("demo-web-1"), engine.running("demo"));
    }

    @Test
    void runDetachedMakesAOneOffAfterTheDependencies() {
        CliRunner.Result r = cli.run("run", "-d", "-e", "EXTRA=1", "web", "sh", "-c", "true");
        assertEquals(0, r.exit(), r.toString());
        String name = r.out().strip();
        assertTrue(name.matches("demo-web-run-[0-9a-f]{12}"), name);
        assertEquals("True", engine.label(name, dev.jcompose.planner.Labels.ONEOFF));
        assertEquals(List.of("sh", "-c", "true"), engine.spec(name).orElseThrow().command());
        assertEquals("1", engine.spec(name).orElseThrow().environment().get("EXTRA"));
        assertTrue(engine.spec(name).orElseThrow().ports().isEmpty(), "no published ports without --service-ports");
        assertTrue(engine.running("demo").contains("demo-db-1"), "the dependency came up first");
        assertFalse(engine.running("demo").contains("demo-web-1"), "the service itself is not started");
        assertTrue(cli.run("up", "-d").err().contains("Started"), "up still starts web; the one-off is no orphan of a known service");
        assertTrue(engine.running("demo").contains(name));
    }

    @Test
    void buildShowsTheBuildersOutputUnlessQuiet() throws IOException {
        write("compose.yaml", "name: demo\nservices:\n  app:\n    build: .\n");
        write("Dockerfile", "FROM busybox\n");
        CliRunner.Result build = cli.run("build");
        assertEquals(0, build.exit(), build.toString());
        assertTrue(build.err().contains(" Image demo-app  | Successfully built sha256:built-"), build.err());
        assertTrue(build.err().contains(" Image demo-app  Built"), build.err());
        CliRunner.Result quiet = cli.run("build", "-q");
        assertEquals(0, quiet.exit(), quiet.toString());
        assertEquals("", quiet.err() + quiet.out());
        assertTrue(engine.imageExists("demo-app"));
    }

    @Test
    void runAttachedPassesItsInputOnBeforeTheStart() {
        CliRunner.Result r = cli.input("typed in\n").run("run", "--rm", "--no-deps", "db", "cat");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("typed in\n", r.out(), "the in-memory engine echoes what is attached");
        List<String> calls = engine.calls();
        String created = calls.stream().filter(c -> c.startsWith("create container demo-db-run-")).findFirst().orElseThrow();
        String name = created.substring("create container ".length());
        assertTrue(calls.indexOf("attach to " + name) < calls.indexOf("start container " + name), calls.toString());
        CliRunner.Result closed = cli.input("not read\n").run("run", "--rm", "--no-deps", "-i=false", "db", "cat");
        assertEquals("", closed.out(), "-i=false: nothing is passed on");
    }

    @Test
    void psTakesTemplatesAndTheDockerConfigsPsFormat() throws IOException {
        assertEquals(0, cli.run("up", "-d").exit());
        assertEquals("demo-db-1 db\ndemo-web-1 web\n", cli.run("ps", "--format", "{{.Name}} {{.Service}}").out());
        assertEquals("NAME         STATE\ndemo-db-1    running\ndemo-web-1   running\n", cli.run("ps", "--format", "table {{.Name}}\\t{{.State}}").out());
        Path dockerConfig = dir.resolve("docker-config");
        Files.createDirectories(dockerConfig);
        Files.writeString(dockerConfig.resolve("config.json"), "{\"psFormat\": \"table {{.Name}}\"}");
        assertEquals("NAME\ndemo-db-1\ndemo-web-1\n", cli.env("DOCKER_CONFIG", dockerConfig.toString()).run("ps").out());
        CliRunner.Result bad = cli.run("ps", "--format", "{{.Nmae}}");
        assertEquals(ExitCodes.USAGE, bad.exit());
        assertTrue(bad.err().contains("unknown field .Nmae in --format"), bad.err());
    }

    @Test
    void rmWithoutForceAndNoTerminalRemovesNothing() {
        assertEquals(0, cli.run("up", "-d").exit());
        assertEquals(0, cli.run("stop", "web").exit());
        CliRunner.Result r = cli.run("rm");
        assertTrue(r.err().contains("rm would remove demo-web-1: pass --force to confirm"), r.err());
        assertEquals(2, engine.containers("demo").size());
        assertEquals(0, cli.run("rm", "-f").exit());
        assertEquals(List.of("demo-db-1"), engine.containers("demo").stream().map(c -> c.name()).toList());
        assertEquals(0, cli.run("rm", "-f", "-s").exit());
        assertTrue(engine.containers("demo").isEmpty());
    }

    @Test
    void lsListsProjectsRunningUnlessAll() {
        assertEquals(0, cli.run("up", "-d").exit());
        assertTrue(cli.run("ls").out().lines().anyMatch(l -> l.startsWith("demo ") && l.contains("running(2)")), cli.run("ls").out());
        assertEquals(0, cli.run("stop").exit());
        assertEquals("[]\n", cli.run("ls", "--format", "json").out());
        assertTrue(cli.run("ls", "-a", "--format", "json").out().contains("\"Name\":\"demo\",\"Status\":\"exited(2)\""));
        assertEquals("demo\n", cli.run("ls", "-a", "-q").out());
    }

    @Test
    void twoUpsAtOnceNeverCreateDuplicates() throws Exception {
        // a slow create makes the two commands overlap; the second waits for the first, then has nothing to do
        java.util.concurrent.CountDownLatch firstInside = new java.util.concurrent.CountDownLatch(1);
        dev.jcompose.executor.testing.ForwardingEngine slow = new dev.jcompose.executor.testing.ForwardingEngine(engine) {
            @Override
            public java.util.List<String> createContainer(dev.jcompose.planner.spec.ContainerSpec spec) {
                firstInside.countDown();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.createContainer(spec);
            }

            @Override
            public void close() { }
        };
        CliRunner shared = new CliRunner(dir, env -> slow).env("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> shared.run("up", "-d"));
            assertTrue(firstInside.await(10, java.util.concurrent.TimeUnit.SECONDS));
            var second = two.submit(() -> shared.run("up", "-d"));
            assertEquals(0, first.get().exit(), first.get().toString());
            CliRunner.Result r = second.get();
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.err().contains("waiting for another jcompose command on project demo to finish..."), r.err());
            assertFalse(r.err().contains("Created"), "the second found everything done: " + r.err());
        } finally {
            two.shutdownNow();
        }
        assertEquals(2, engine.containers("demo").size());
        assertEquals(1, engine.calls().stream().filter(c -> c.equals("create container demo-web-1")).count());
    }

    @Test
    void twoServicesSharingAContainerNameCannotComeUpTogetherButEachCanAlone() throws IOException {
        write("compose.yaml", "name: demo\nservices:\n  a: {image: busybox, container_name: shared}\n  b: {image: busybox, container_name: shared}\n");
        CliRunner.Result both = cli.run("up", "-d");
        assertEquals(ExitCodes.FAILED, both.exit(), both.toString());
        assertTrue(both.err().contains("container name \"shared\" is already in use by service \"a\""), both.err());
        assertTrue(engine.calls().isEmpty(), "nothing was created");
        assertEquals(0, cli.run("up", "-d", "b").exit());
        assertEquals(List.of("shared"), engine.running("demo"));
    }

    @Test
    void namedServicesComeUpWithTheirDependenciesOnly() throws IOException {
        write("compose.yaml", "name: demo\nservices:\n  web: {image: busybox, depends_on: [db]}\n  db: {image: busybox}\n  docs: {image: busybox}\n");
        assertEquals(0, cli.run("up", "-d", "web").exit());
        assertEquals(List.of("demo-db-1", "demo-web-1"), engine.running("demo"));
        CliRunner.Result r = cli.run("up", "-d", "wbe");
        assertEquals(ExitCodes.INVALID_PROJECT, r.exit());
        assertTrue(r.err().contains("no such service: wbe (did you mean \"web\"?)"), r.err());
    }
}
