package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill} on the in-memory engine: the signal, the services, --dry-run, --remove-orphans. */
class KillCommandTest {
    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
    CliRunner cli;

    @BeforeEach
    void upDetached() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, depends_on: [db]}
                  db: {image: busybox}
                  old: {image: busybox}
                """);
        cli = CliRunner.withEngine(dir, engine);
        assertEquals(0, cli.run("up", "-d").exit());
        // old leaves the file: its running container is an orphan now
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, depends_on: [db]}
                  db: {image: busybox}
                """);
    }

    private List<String> kills() {
        return engine.calls().stream().filter(c -> c.startsWith("kill ") || c.startsWith("remove ")).toList();
    }

    @Test
    void sendsSigkillToEveryRunningContainerAndNamesTheOrphans() {
        CliRunner.Result r = cli.run("kill");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("kill container demo-db-1 with SIGKILL", "kill container demo-web-1 with SIGKILL"), kills());
        assertTrue(r.err().contains(" Container demo-web-1  Killed"), r.err());
        assertTrue(r.err().contains("WARN[0000] Found orphan containers (demo-old-1) for this project."), r.err());
        assertEquals(List.of("demo-old-1"), engine.running("demo"));

        CliRunner.Result again = cli.run("kill");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.err().contains("no container to kill"), again.err());
    }

    @Test
    void theSignalAndTheServicesAreTheOnesNamed() {
        CliRunner.Result r = cli.run("kill", "-s", "SIGTERM", "web");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("kill container demo-web-1 with SIGTERM"), kills());
        assertEquals(0, cli.run("kill", "--signal=HUP", "db").exit());
        assertEquals("kill container demo-db-1 with HUP", kills().get(1));
    }

    @Test
    void dryRunPrintsAStepPerContainerAndKillsNothing() {
        CliRunner.Result r = cli.run("kill", "--dry-run", "-s", "SIGTERM", "--remove-orphans");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                #1 kill Container demo-db-1 -- running; signal SIGTERM
                #2 kill Container demo-web-1 -- running; signal SIGTERM
                #3 stop Container demo-old-1 -- orphan: service old is not in the project
                #4 remove Container demo-old-1 after #3 -- orphan: service old is not in the project
                """, r.out());
        assertEquals(List.of(), kills());
        assertEquals(3, engine.running("demo").size());
    }

    @Test
    void removeOrphansRemovesThem() {
        CliRunner.Result r = cli.run("kill", "--remove-orphans");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(engine.containers("demo").stream().noneMatch(c -> c.service().equals("old")), engine.calls().toString());
        assertTrue(engine.running("demo").isEmpty());
    }

    @Test
    void aFailedKillExits1() {
        engine.failing(call -> call.startsWith("kill container demo-web-1"));
        CliRunner.Result r = cli.run("kill");
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(r.err().contains("Error: kill container demo-web-1 with SIGKILL: injected failure"), r.err());
    }
}
