package dev.jcompose.executor.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a build context as the tar stream the engine's build endpoint reads, file by file, so that a context of
 * any size passes through a small buffer, never whole in memory. Follows {@code .dockerignore}; always sends
 * the Dockerfile and the ignore file; symbolic links go as links, never followed out of the context. Entries
 * are in path order with owner root, so the same folder gives the same stream.
 */
public final class ContextArchive {
    /**
     * The name a Dockerfile jcompose writes takes inside the context (an inline one, or one with labels added). It is
     * also listed in the {@code .dockerignore} sent, so that the engine drops it from the context once it has read
     * it, as it does for the docker CLI's Dockerfile from stdin: a {@code COPY .} never sees it.
     */
    public static final String GENERATED_DOCKERFILE = ".jcompose.Dockerfile";

    private final Path root;
    private final DockerIgnore ignore;
    private final String ignoreText;
    private final String generatedDockerfile;

    /**
     * @param dockerfile          the Dockerfile's path inside the context
     * @param generatedDockerfile the text of a Dockerfile to send as {@link #GENERATED_DOCKERFILE}, or null
     */
    public ContextArchive(Path root, String dockerfile, String generatedDockerfile) throws IOException {
        if (!Files.isDirectory(root)) throw new IOException("build context " + root + " is not a folder");
        this.root = root;
        this.generatedDockerfile = generatedDockerfile;
        Path ignoreFile = root.resolve(".dockerignore");
        this.ignoreText = Files.isRegularFile(ignoreFile) ? Files.readString(ignoreFile) : null;
        DockerIgnore rules = ignoreText != null ? DockerIgnore.parse(ignoreText) : DockerIgnore.none();
        this.ignore = rules.keeping(DockerIgnore.clean(dockerfile), ".dockerignore");
        if (generatedDockerfile == null && !Files.isRegularFile(root.resolve(dockerfile))) {
            throw new IOException("Dockerfile " + root.resolve(dockerfile).normalize() + " not found");
        }
    }

    /** The text of the Dockerfile at that path of the context. */
    public static String readDockerfile(Path root, String dockerfile) throws IOException {
        Path file = root.resolve(dockerfile);
        if (!Files.isRegularFile(file)) throw new IOException("Dockerfile " + file.normalize() + " not found");
        return Files.readString(file);
    }

    /** Writes the whole context to {@code out} and finishes the tar (the caller closes {@code out}). */
    public void writeTo(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        walk(root, "", tar);
        if (generatedDockerfile != null) {
            put(tar, GENERATED_DOCKERFILE, generatedDockerfile);
            if (ignoreText == null) put(tar, ".dockerignore", GENERATED_DOCKERFILE + "\n");
        }
        tar.finish();
        tar.flush();
    }

    private void walk(Path dir, String prefix, TarArchiveOutputStream tar) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path child : children) {
            String rel = prefix + child.getFileName();
            boolean excluded = ignore.excludes(rel);
            if (Files.isSymbolicLink(child)) {
                if (excluded) continue;
                TarArchiveEntry e = new TarArchiveEntry(rel, TarArchiveEntry.LF_SYMLINK);
                e.setLinkName(Files.readSymbolicLink(child).toString());
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                // an excluded folder is still walked when a later "!" rule may bring something inside it back
                if (excluded && !ignore.hasExceptions()) continue;
                if (!excluded) put(tar, child, rel + "/", true);
                walk(child, rel + "/", tar);
            } else if (rel.equals(".dockerignore") && generatedDockerfile != null) {
                put(tar, rel, ignoreText + "\n" + GENERATED_DOCKERFILE + "\n");
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) && !excluded) {
                put(tar, child, rel, false);
            }
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void put(TarArchiveOutputStream tar, Path file, String name, boolean dir) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode((dir ? 040000 : 0100000) | mode(file));
        e.setModTime(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis());
        if (!dir) e.setSize(Files.size(file));
        tar.putArchiveEntry(e);
        if (!dir) {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
    }

    private static int mode(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (PosixFilePermission p : perms) mode |= 1 << (8 - p.ordinal());
            return mode;
        } catch (UnsupportedOperationException notPosix) {
            return Files.isDirectory(file) ? 0755 : Files.isExecutable(file) ? 0755 : 0644;
        }
    }
}
