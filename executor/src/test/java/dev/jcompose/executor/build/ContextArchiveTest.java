package dev.jcompose.executor.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Entry name to its content (folders and links: a marker). */
    private static Map<String, String> entries(byte[] tar) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) out.put(e.getName(), "<dir>");
                else if (e.isSymbolicLink()) out.put(e.getName(), "-> " + e.getLinkName());
                else out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private byte[] archive(String dockerfile, String inline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ContextArchive(dir, dockerfile, inline).writeTo(out);
        return out.toByteArray();
    }

    @Test
    void sendsWhatTheIgnoreFileKeepsAndAlwaysTheDockerfile() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "*.log\nsecrets\nDockerfile\nbuild/**\n!build/keep.txt\n");
        write("app.txt", "app");
        write("debug.log", "noise");
        write("secrets/key", "hidden");
        write("build/out.bin", "big");
        write("build/keep.txt", "kept");
        write("src/Main.java", "class Main {}");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("app.txt"));

        Map<String, String> got = entries(archive("Dockerfile", null));
        assertEquals(List.of(".dockerignore", "Dockerfile", "app.txt", "build/", "build/keep.txt", "link", "src/", "src/Main.java"),
                new ArrayList<>(got.keySet()), "sorted, ignored paths absent, the Dockerfile kept although listed; build/** spares the folder itself, as in Docker");
        assertEquals("app", got.get("app.txt"));
        assertEquals("-> app.txt", got.get("link"), "links travel as links");
    }

    @Test
    void anInlineDockerfileTravelsInsideTheContext() throws IOException {
        write("a.txt", "a");
        Map<String, String> got = entries(archive("Dockerfile", "FROM busybox\nCOPY a.txt /\n"));
        assertEquals("FROM busybox\nCOPY a.txt /\n", got.get(ContextArchive.GENERATED_DOCKERFILE));
        assertEquals(ContextArchive.GENERATED_DOCKERFILE + "\n", got.get(".dockerignore"),
                "listed in the .dockerignore sent, so that the engine drops it before any COPY");
    }

    @Test
    void aGeneratedDockerfileIsAddedToTheIgnoreFileTheContextHas() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "*.log");
        Map<String, String> got = entries(archive("Dockerfile", "FROM scratch\nLABEL a=b\n"));
        assertEquals("*.log\n" + ContextArchive.GENERATED_DOCKERFILE + "\n", got.get(".dockerignore"));
        assertEquals("FROM scratch\n", got.get("Dockerfile"), "the person's own Dockerfile goes unchanged");
    }

    @Test
    void keepsTheExecutableBit() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(archive("Dockerfile", null)))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) if (e.getName().equals("run.sh")) assertEquals(0750, e.getMode() & 0777);
        }
    }

    @Test
    void aMissingDockerfileIsReportedBeforeAnythingIsSent() {
        IOException e = assertThrows(IOException.class, () -> new ContextArchive(dir, "Dockerfile.prod", null));
        assertTrue(e.getMessage().contains("Dockerfile.prod not found"), e.getMessage());
        assertThrows(IOException.class, () -> new ContextArchive(dir.resolve("nope"), "Dockerfile", null));
    }
}
