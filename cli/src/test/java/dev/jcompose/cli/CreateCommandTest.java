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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code create} on the in-memory engine: up --no-start with create's options. */
class CreateCommandTest {
    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine().withImages("busybox").withRegistry("redis");
    CliRunner cli;

    @BeforeEach
    void file() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, depends_on: [db]}
                  db: {image: busybox}
                  cache: {image: redis}
                """);
        cli = CliRunner.withEngine(dir, engine);
    }

    @Test
    void createsEveryContainerAndStartsNone() {
        CliRunner.Result r = cli.run("create");
        assertEquals(0, r.exit(), r.toString());
        List<String> calls = engine.calls();
        assertTrue(calls.containsAll(List.of("create container demo-cache-1", "create container demo-db-1", "create container demo-web-1")), calls.toString());
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("start ")), calls.toString());
        assertTrue(r.err().contains(" Image redis  Pulled"), "the missing image is pulled, and said: " + r.err());
    }

    @Test
    void aServiceNamedIsCreatedWithItsDependenciesOnly() {
        assertEquals(0, cli.run("create", "web").exit());
        assertTrue(engine.calls().contains("create container demo-db-1"), engine.calls().toString());
        assertFalse(engine.calls().contains("create container demo-cache-1"), engine.calls().toString());
    }

    @Test
    void quietPullLeavesThePullsOutOfTheProgressButNotTheRest() {
        CliRunner.Result r = cli.run("create", "--quiet-pull");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(engine.calls().contains("pull image redis"), engine.calls().toString());
        assertFalse(r.err().contains("Image redis"), r.err());
        assertTrue(r.err().contains(" Container demo-web-1  Created"), r.err());
    }

    @Test
    void forceRecreateRecreatesWhatExists() {
        assertEquals(0, cli.run("create").exit());
        int before = engine.calls().size();
        assertEquals(0, cli.run("create", "--force-recreate", "db").exit());
        assertTrue(engine.calls().subList(before, engine.calls().size()).stream().anyMatch(c -> c.startsWith("create container") && c.contains("db")),
                engine.calls().toString());
    }

    @Test
    void dryRunChangesNothing() {
        CliRunner.Result r = cli.run("create", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of(), engine.calls());
        assertTrue(r.out().contains("create Container demo-web-1"), r.out());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            --force-recreate, --no-recreate, are incompatible
            --build,          --no-build,    are incompatible
            --pull=sometimes, --yes,         invalid --pull value
            """)
    void conflictingOptionsAreAUsageError(String a, String b, String message) {
        CliRunner.Result r = cli.run("create", a, b);
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(List.of(), engine.calls());
    }
}
