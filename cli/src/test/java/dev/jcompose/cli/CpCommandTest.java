package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** {@code cp} on the in-memory engine: which containers, both ways, --dry-run, and the argument errors. */
class CpCommandTest {
    @TempDir
    Path dir;
    InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
    CliRunner cli;

    @BeforeEach
    void twoReplicasAndAOneOff() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web: {image: busybox, scale: 2}
                  db: {image: busybox}
                """);
        Files.writeString(dir.resolve("note.txt"), "hello\n");
        cli = CliRunner.withEngine(dir, engine);
        assertEquals(0, cli.run("up", "-d").exit());
        assertEquals(0, cli.run("run", "-d", "web").exit());
    }

    private List<String> copies() {
        return engine.calls().stream().filter(c -> c.startsWith("copy ")).toList();
    }

    @Test
    void toAServiceGoesToEachOfItsContainersButOneOffs() {
        CliRunner.Result r = cli.run("cp", "note.txt", "web:/tmp/");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("copy to container demo-web-1:/tmp/", "copy to container demo-web-2:/tmp/"), copies());
        assertEquals("hello\n", engine.readFile("demo-web-1", "/tmp/note.txt"));
        assertEquals("hello\n", engine.readFile("demo-web-2", "/tmp/note.txt"));
        assertTrue(r.err().contains(" Container demo-web-2  Copied note.txt to demo-web-2:/tmp/\n"), r.err());
    }

    @Test
    void allAddsTheOneOffsAndIndexPicksOne() {
        assertEquals(0, cli.run("cp", "--all", "note.txt", "web:/tmp/n").exit());
        assertEquals(3, copies().size(), copies().toString());
        assertTrue(copies().get(2).startsWith("copy to container demo-web-run-"), copies().toString());
        assertEquals(0, cli.run("cp", "--index", "2", "-a", "note.txt", "web:/tmp/m").exit());
        assertEquals("copy to container demo-web-2:/tmp with owners", copies().get(3));
        assertNull(engine.readFile("demo-web-1", "/tmp/m"));
        CliRunner.Result none = cli.run("cp", "--index", "3", "note.txt", "web:/tmp/m");
        assertEquals(1, none.exit(), none.toString());
        assertEquals("service \"web\" has no container #3\n", none.err());
    }

    @Test
    void fromAServiceComesFromItsFirstContainer() throws IOException {
        engine.writeFile("demo-web-1", "/tmp/out.txt", "one\n");
        engine.writeFile("demo-web-2", "/tmp/out.txt", "two\n");
        CliRunner.Result r = cli.run("cp", "web:/tmp/out.txt", "copy.txt");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("one\n", Files.readString(dir.resolve("copy.txt")));
        assertEquals(0, cli.run("cp", "--index", "2", "web:/tmp/out.txt", ".").exit());
        assertEquals("two\n", Files.readString(dir.resolve("out.txt")));
    }

    @Test
    void progressInTheModeAsked() {
        CliRunner.Result quiet = cli.run("--progress", "quiet", "cp", "--index", "1", "note.txt", "web:/tmp/");
        assertEquals(0, quiet.exit(), quiet.toString());
        assertEquals("", quiet.err());
        CliRunner.Result json = cli.run("--progress", "json", "cp", "--index", "1", "note.txt", "web:/tmp/");
        assertEquals(0, json.exit(), json.toString());
        assertEquals("""
                {"id":"Container demo-web-1","status":"Working","text":"Copying","details":"note.txt to demo-web-1:/tmp/"}
                {"id":"Container demo-web-1","status":"Done","text":"Copied","details":"note.txt to demo-web-1:/tmp/"}
                """, json.err());
        CliRunner.Result plain = cli.run("--progress", "plain", "cp", "--index", "1", "note.txt", "web:/tmp/");
        assertEquals(" Container demo-web-1  Copying note.txt to demo-web-1:/tmp/\n Container demo-web-1  Copied note.txt to demo-web-1:/tmp/\n",
                plain.err());
    }

    @Test
    void dryRunSaysWhatItWouldCopyAndCopiesNothing() {
        CliRunner.Result r = cli.run("cp", "--dry-run", "note.txt", "web:/tmp/");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("#1 copy note.txt to demo-web-1:/tmp/\n#2 copy note.txt to demo-web-2:/tmp/\n", r.out());
        assertEquals(List.of(), copies());
        CliRunner.Result from = cli.run("cp", "--dry-run", "db:/etc/hosts", "hosts");
        assertEquals("#1 copy demo-db-1:/etc/hosts to hosts\n", from.out());
        assertTrue(Files.notExists(dir.resolve("hosts")));
    }

    @ParameterizedTest(name = "cp {0} {1}")
    @CsvSource(delimiter = ';', textBlock = """
            web:/a      ; db:/b     ; 2 ; copying between services is not supported
            a           ; b         ; 2 ; unknown copy direction: SRC or DEST must be SERVICE:PATH
            ''          ; web:/b    ; 2 ; source can not be empty
            a           ; ''        ; 2 ; destination can not be empty
            a           ; web:      ; 2 ; "web:": expected SERVICE:PATH
            -           ; web:-     ; 2 ; cannot copy from - to -
            note.txt    ; nope:/tmp ; 3 ; no such service
            missing.txt ; web:/tmp  ; 1 ; no such file or directory: missing.txt
            note.txt    ; web:/tmp/nodir/ ; 1 ; no such directory
            web:/nothing ; here     ; 1 ; Could not find the file /nothing
            """)
    void whatCannotBeCopiedSaysWhy(String from, String to, int exit, String message) {
        CliRunner.Result r = cli.run("cp", from, to);
        assertEquals(exit, r.exit(), r.toString());
        assertTrue(r.err().contains(message), r.err());
    }
}
