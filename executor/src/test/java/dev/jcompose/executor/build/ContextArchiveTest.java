package dev.jcompose.executor.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
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
        assertEquals(".dockerignore\n" + ContextArchive.GENERATED_DOCKERFILE + "\n", got.get(".dockerignore"),
                "listed in the .dockerignore sent, so that the engine drops it before any COPY, and that file too, as the docker CLI's");
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

    @Test
    void linksGoAsLinksAndAreNeverFollowedOutOfTheContext(@TempDir Path outside) throws IOException {
        Path context = dir.resolve("ctx");
        Files.createDirectories(context);
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(outside.resolve("host-secret.txt"), "host-only-marker");
        Files.createDirectories(outside.resolve("folder"));
        Files.writeString(outside.resolve("folder/inner.txt"), "host-only-marker");
        Files.createSymbolicLink(context.resolve("shadow"), Path.of("/etc/shadow"));
        Files.createSymbolicLink(context.resolve("absolute"), outside.resolve("host-secret.txt"));
        Files.createSymbolicLink(context.resolve("relative"), context.relativize(outside.resolve("host-secret.txt")));
        Files.createSymbolicLink(context.resolve("folder"), outside.resolve("folder"));
        Files.createSymbolicLink(context.resolve("dangling"), Path.of("no/such/file"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ContextArchive(context, "Dockerfile", null).writeTo(out);
        Map<String, String> got = entries(out.toByteArray());
        assertEquals(Map.of("Dockerfile", "FROM scratch\n", "shadow", "-> /etc/shadow",
                "absolute", "-> " + outside.resolve("host-secret.txt"),
                "relative", "-> " + context.relativize(outside.resolve("host-secret.txt")),
                "folder", "-> " + outside.resolve("folder"), "dangling", "-> no/such/file"), got,
                "each link is one entry with its target as written; a linked folder is not walked");
        assertFalse(new String(out.toByteArray(), StandardCharsets.ISO_8859_1).contains("host-only-marker"), "no byte of a linked file is sent");
    }

    @Test
    void anUnreadableFileIsAnErrorNamingItBeforeAnythingIsSent() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("a.txt", "a");
        write("keys/private.key", "k");
        write("z.txt", "z");
        Path refused = dir.resolve("keys/private.key");
        // root reads every file whatever its mode, so the refusal is the system's answer for another user's file
        ContextArchive.Opener opener = f -> {
            if (f.equals(refused)) throw new AccessDeniedException(f.toString());
            return Files.newInputStream(f);
        };
        IOException e = assertThrows(IOException.class, () -> new ContextArchive(dir, "Dockerfile", null, opener));
        assertEquals("the build context's file " + refused + " cannot be read (permission denied): make it readable, or leave it out"
                + " of the context with a line in " + dir.resolve(".dockerignore") + "; nothing was sent", e.getMessage());

        write(".dockerignore", "keys/\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ContextArchive(dir, "Dockerfile", null, opener).writeTo(out);
        assertEquals(List.of(".dockerignore", "Dockerfile", "a.txt", "z.txt"), new ArrayList<>(entries(out.toByteArray()).keySet()),
                "a file the context leaves out is never opened");
    }

    @Test
    void anUnreadableFileIsFoundByTheSystemWhenNotRoot() throws Exception {
        write("Dockerfile", "FROM scratch\n");
        write("locked.txt", "x");
        Files.setPosixFilePermissions(dir.resolve("locked.txt"), PosixFilePermissions.fromString("---------"));
        boolean readable = Files.isReadable(dir.resolve("locked.txt")); // true for root, which reads it regardless
        try {
            if (readable) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new ContextArchive(dir, "Dockerfile", null).writeTo(out);
                assertEquals("x", entries(out.toByteArray()).get("locked.txt"), "what the system lets this user read is sent");
            } else {
                IOException e = assertThrows(IOException.class, () -> new ContextArchive(dir, "Dockerfile", null));
                assertTrue(e.getMessage().startsWith("the build context's file " + dir.resolve("locked.txt") + " cannot be read"), e.getMessage());
            }
        } finally {
            Files.setPosixFilePermissions(dir.resolve("locked.txt"), PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aDockerfileOutsideTheContextTravelsInsideItUnderItsOwnName(@TempDir Path outside) throws IOException {
        Path context = dir.resolve("app");
        Files.createDirectories(context);
        Files.writeString(context.resolve("a.txt"), "a");
        Files.createDirectories(outside.resolve("docker"));
        Files.writeString(outside.resolve("docker/app.Dockerfile"), "FROM busybox\nCOPY a.txt /\n");
        Files.writeString(outside.resolve("docker/other.txt"), "not in the context");

        DockerfileSource source = DockerfileSource.read(context, context.relativize(outside.resolve("docker/app.Dockerfile")).toString());
        assertEquals(new DockerfileSource("FROM busybox\nCOPY a.txt /\n", null), source, "read from the host, as docker compose does");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ContextArchive(context, source.pathInContext(), source.text()).writeTo(out);
        assertEquals(Map.of("a.txt", "a", ContextArchive.GENERATED_DOCKERFILE, "FROM busybox\nCOPY a.txt /\n",
                ".dockerignore", ".dockerignore\n" + ContextArchive.GENERATED_DOCKERFILE + "\n"), entries(out.toByteArray()),
                "the Dockerfile's folder is not sent, and the engine drops the Dockerfile before any COPY");
    }

    @Test
    void aDockerfileIsFoundAsTheDockerCliFindsIt(@TempDir Path outside) throws IOException {
        write("docker/prod.Dockerfile", "FROM prod\n");
        Files.createSymbolicLink(dir.resolve("Dockerfile"), Path.of("docker/prod.Dockerfile"));
        Files.writeString(outside.resolve("Dockerfile"), "FROM outside\n");
        Files.createSymbolicLink(dir.resolve("out.Dockerfile"), outside.resolve("Dockerfile"));

        assertEquals(new DockerfileSource("FROM prod\n", "docker/prod.Dockerfile"), DockerfileSource.read(dir, "docker/prod.Dockerfile"));
        assertEquals(new DockerfileSource("FROM prod\n", "docker/prod.Dockerfile"), DockerfileSource.read(dir, "Dockerfile"),
                "a link is resolved, and the engine told the path it leads to");
        assertEquals(new DockerfileSource("FROM outside\n", null), DockerfileSource.read(dir, "out.Dockerfile"),
                "a link out of the context: the file it leads to, sent as text (the CLI's EvalSymlinks)");
        assertEquals(new DockerfileSource("FROM prod\n", "docker/prod.Dockerfile"),
                DockerfileSource.read(dir, dir.resolve("docker/prod.Dockerfile").toString()), "an absolute path inside the context");
        IOException missing = assertThrows(IOException.class, () -> DockerfileSource.read(dir, "../nope/Dockerfile"));
        assertEquals("Dockerfile " + dir.getParent().resolve("nope/Dockerfile") + " not found", missing.getMessage());
    }
}
