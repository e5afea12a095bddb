package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.RealEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code cp} both ways on the real engine: files, folders, their content, links with and without -L, a tar on stdout. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class CpEngineTest {
    @TempDir
    Path dir;

    private CliRunner up(String p) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  box:
                    image: jcompose/busybox:latest
                    command: ["sleep", "300"]
                    scale: 2
                """);
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect);
        CliRunner.Result up = cli.run("-p", p, "up", "-d");
        assertEquals(0, up.exit(), up.toString());
        return cli;
    }

    private static void ok(CliRunner.Result r) {
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void filesAndFoldersBothWays(EngineProjects projects) throws IOException {
        String p = projects.create("cp");
        CliRunner cli = up(p);
        Path src = Files.createDirectories(dir.resolve("src/sub"));
        Files.writeString(dir.resolve("src/a.txt"), "a\n");
        Files.writeString(src.resolve("b.txt"), "b\n");
        Files.createSymbolicLink(dir.resolve("src/link"), Path.of("a.txt"));

        // a file to every container of the service
        ok(cli.run("-p", p, "cp", "src/a.txt", "box:/tmp/"));
        ok(cli.run("-p", p, "cp", "--index", "2", "box:/tmp/a.txt", "from2.txt"));
        assertEquals("a\n", Files.readString(dir.resolve("from2.txt")));

        // a folder to a path that does not exist: the path is the folder
        ok(cli.run("-p", p, "cp", "src", "box:/tmp/copied"));
        ok(cli.run("-p", p, "cp", "box:/tmp/copied", "back"));
        assertEquals("b\n", Files.readString(dir.resolve("back/sub/b.txt")));
        assertEquals(Path.of("a.txt"), Files.readSymbolicLink(dir.resolve("back/link")), "a link goes as a link");

        // into a folder that exists: the folder itself, or with /. its content
        ok(cli.run("-p", p, "cp", "box:/tmp/copied", "back"));
        assertEquals("a\n", Files.readString(dir.resolve("back/copied/a.txt")));
        Files.createDirectories(dir.resolve("flat"));
        ok(cli.run("-p", p, "cp", "box:/tmp/copied/.", "flat"));
        assertEquals("b\n", Files.readString(dir.resolve("flat/sub/b.txt")));

        // a link: as a link, or with -L what it points at, under the link's name
        ok(cli.run("-p", p, "cp", "box:/tmp/copied/link", "plain"));
        assertTrue(Files.isSymbolicLink(dir.resolve("plain")));
        ok(cli.run("-p", p, "cp", "-L", "box:/tmp/copied/link", "followed"));
        assertTrue(!Files.isSymbolicLink(dir.resolve("followed")));
        assertEquals("a\n", Files.readString(dir.resolve("followed")));

        // a file onto a file, and a folder onto a file is refused
        ok(cli.run("-p", p, "cp", "src/sub/b.txt", "box:/tmp/a.txt"));
        ok(cli.run("-p", p, "cp", "box:/tmp/a.txt", "now-b.txt"));
        assertEquals("b\n", Files.readString(dir.resolve("now-b.txt")));
        CliRunner.Result refused = cli.run("-p", p, "cp", "src", "box:/tmp/a.txt");
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("cannot copy directory"), refused.err());
    }

    @Test
    void aTarOnStdoutAndAStoppedContainer(EngineProjects projects) throws IOException {
        String p = projects.create("cptar");
        CliRunner cli = up(p);
        ok(cli.run("-p", p, "stop", "box"));
        Files.writeString(dir.resolve("n.txt"), "note\n");
        ok(cli.run("-p", p, "cp", "n.txt", "box:/n.txt"));
        CliRunner.Result tar = cli.run("-p", p, "cp", "box:/n.txt", "-");
        ok(tar);
        List<String> names = new ArrayList<>();
        String content = null;
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar.out().getBytes(StandardCharsets.UTF_8)))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertEquals(List.of("n.txt"), names);
        assertEquals("note\n", content);
        CliRunner.Result missing = cli.run("-p", p, "cp", "box:/nothing/here", "x");
        assertEquals(1, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("No such container:path") || missing.err().contains("Could not find the file"), missing.err());
    }
}
