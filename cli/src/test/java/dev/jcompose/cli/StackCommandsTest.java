package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy and the stack forms of ps, logs, ls and down on the in-memory engine's swarm: what reaches the swarm, what is
 * printed, and the exit codes; no engine.
 */
class StackCommandsTest {
    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
    CliRunner cli;

    @BeforeEach
    void aStackFile() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web:
                    image: busybox
                    depends_on: [db]
                    deploy: {replicas: 2}
                  db:
                    image: busybox
                    configs: [conf]
                configs:
                  conf: {file: ./conf.txt}
                """);
        Files.writeString(dir.resolve("conf.txt"), "x=1\n");
        cli = CliRunner.withEngine(dir, engine);
    }

    private List<String> swarmCalls() {
        return engine.swarm().calls();
    }

    @Test
    void deployCreatesInOrderAndAgainChangesNothing() {
        CliRunner.Result r = cli.run("deploy", "--wait", "--resolve-image", "never");
        assertEquals(0, r.exit(), r.toString());
        List<String> calls = swarmCalls();
        assertTrue(calls.indexOf("create service demo_db") >= 0 && calls.indexOf("create service demo_db") < calls.indexOf("create service demo_web"),
                "db before web, which depends on it: " + calls);
        assertTrue(r.err().contains(" Service demo_web  Created"), r.err());
        assertTrue(r.err().contains(" Service demo_web  Converged"), r.err());

        CliRunner.Result again = cli.run("deploy", "--resolve-image", "never");
        assertEquals(0, again.exit(), again.toString());
        assertEquals(calls, swarmCalls(), "an unchanged deploy makes no call that changes something");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() {
        CliRunner.Result r = cli.run("deploy", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("create Service demo_db"), r.out());
        assertTrue(r.out().contains("create Config demo_conf_"), r.out());
        assertEquals(List.of(), swarmCalls());
    }

    @Test
    void psListsTheTasksAndLsTheStackAndDownRemovesIt() {
        assertEquals(0, cli.run("deploy", "--resolve-image", "never").exit());
        CliRunner.Result ps = cli.run("ps");
        assertEquals(0, ps.exit(), ps.toString());
        assertTrue(ps.out().startsWith("ID "), ps.out());
        assertTrue(ps.out().contains("demo_web.1 ") && ps.out().contains("demo_web.2 ") && ps.out().contains("demo_db.1 "), ps.out());
        assertTrue(ps.out().contains("Running"), ps.out());
        assertEquals("db\nweb\n", cli.run("ps", "--services").out());
        assertEquals(3, cli.run("ps", "-q").out().lines().count());
        CliRunner.Result json = cli.run("ps", "--format", "json", "web");
        assertEquals(2, json.out().lines().count(), json.out());
        assertTrue(json.out().contains("\"Name\":\"demo_web.1\"") && json.out().contains("\"DesiredState\":\"Running\""), json.out());
        CliRunner.Result status = cli.run("ps", "--status", "running");
        assertEquals(ExitCodes.USAGE, status.exit(), status.toString());
        assertTrue(status.err().contains("deployed as a stack"), status.err());
        // ls finds the stack by its services, though this engine holds none of its tasks' containers (the in-memory
        // swarm makes none: as on a node that runs no task of it)
        CliRunner.Result ls = cli.run("ls");
        assertEquals(0, ls.exit(), ls.toString());
        assertTrue(ls.out().lines().anyMatch(l -> l.startsWith("demo ") && l.contains("running(3)")), ls.out());

        CliRunner.Result down = cli.run("down", "--dry-run");
        assertEquals(0, down.exit(), down.toString());
        assertTrue(down.out().contains("remove Service demo_web"), down.out());
        assertTrue(swarmCalls().stream().noneMatch(c -> c.startsWith("remove")), "a dry run removes nothing");

        CliRunner.Result rm = cli.run("down");
        assertEquals(0, rm.exit(), rm.toString());
        assertTrue(swarmCalls().containsAll(List.of("remove service demo_web", "remove service demo_db")), swarmCalls().toString());
        assertTrue(swarmCalls().stream().anyMatch(c -> c.startsWith("remove config demo_conf_")), swarmCalls().toString());
        assertTrue(engine.swarm().services("demo").isEmpty());
        CliRunner.Result psAfter = cli.run("ps");
        assertFalse(psAfter.out().contains("demo_web"), "no stack any more: compose's empty listing: " + psAfter.out());
        assertFalse(cli.run("ls", "-a").out().contains("demo"), "ls lists it no more");
    }

    @Test
    void logsPrefixEachTaskLine() {
        engine.swarm().withLogs("demo_db", "ready to accept connections");
        assertEquals(0, cli.run("deploy", "--resolve-image", "never").exit());
        CliRunner.Result logs = cli.run("logs", "db");
        assertEquals(0, logs.exit(), logs.toString());
        assertTrue(logs.out().lines().anyMatch(l -> l.matches("db\\.1@node-1 +\\| ready to accept connections")), logs.out());
        assertEquals(ExitCodes.USAGE, cli.run("logs", "--until", "1h", "db").exit(), "service logs take no end time");
    }

    @Test
    void notAManagerIsExit4WithTheHint() {
        engine.swarm().notManager();
        CliRunner.Result r = cli.run("deploy");
        assertEquals(ExitCodes.ENGINE_UNAVAILABLE, r.exit(), r.toString());
        assertTrue(r.err().contains("not a swarm manager") && r.err().contains("docker swarm init"), r.err());
        assertEquals(List.of(), swarmCalls());
    }
}
