package dev.jcompose.executor.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a build context as the tar stream the engine's build endpoint reads, file by file, so that a context of
 * any size passes through a small buffer, never whole in memory. Follows {@code .dockerignore}; always sends
 * the Dockerfile and the ignore file; symbolic links go as links (their target as written), never followed, so a
 * link to a file outside the context never puts that file in an image. Entries are in path order with owner root,
 * so the same folder gives the same stream. The context is walked, and each file it sends opened, when the
 * archive is made, before anything is sent (as the docker CLI's {@code ValidateContextDirectory}): a file or
 * folder that cannot be read is an error naming it, not a tar cut halfway.
 */
public final class ContextArchive {
    /**
     * The name a Dockerfile jcompose writes takes inside the context (an inline one, one with labels added, or one
     * outside the context). It is also listed in the {@code .dockerignore} sent, so that the engine drops it from
     * the context once it has read it, as it does for the docker CLI's Dockerfile from stdin: a {@code COPY .}
     * never sees it.
     */
    public static final String GENERATED_DOCKERFILE = ".jcompose.Dockerfile";

    /** Opens a file of the context for reading; tests give one that refuses a file as the system refuses another user's. */
    @FunctionalInterface
    interface Opener {
        InputStream open(Path file) throws IOException;
    }

    /** What the walk found to send, in order. */
    private enum Kind { FOLDER, FILE, LINK, IGNORE_FILE }

    private record Entry(String name, Path path, Kind kind) {}

    private final Path root;
    private final DockerIgnore ignore;
    private final String ignoreText;
    private final String generatedDockerfile;
    private final Opener opener;
    private final List<Entry> entries = new ArrayList<>();

    /**
     * @param dockerfile          the Dockerfile's path inside the context (sent whatever {@code .dockerignore} says),
     *                            or null when it is not in the context (then it is the generated one)
     * @param generatedDockerfile the text of a Dockerfile to send as {@link #GENERATED_DOCKERFILE}, or null
     */
    public ContextArchive(Path root, String dockerfile, String generatedDockerfile) throws IOException {
        this(root, dockerfile, generatedDockerfile, Files::newInputStream);
    }

    ContextArchive(Path root, String dockerfile, String generatedDockerfile, Opener opener) throws IOException {
        if (!Files.isDirectory(root)) throw new IOException("build context " + root + " is not a folder");
        this.root = root;
        this.generatedDockerfile = generatedDockerfile;
        this.opener = opener;
        Path ignoreFile = root.resolve(".dockerignore");
        this.ignoreText = Files.isRegularFile(ignoreFile) ? Files.readString(ignoreFile) : null;
        DockerIgnore rules = ignoreText != null ? DockerIgnore.parse(ignoreText) : DockerIgnore.none();
        this.ignore = dockerfile == null ? rules.keeping(".dockerignore") : rules.keeping(DockerIgnore.clean(dockerfile), ".dockerignore");
        if (generatedDockerfile == null && (dockerfile == null || !Files.isRegularFile(root.resolve(dockerfile)))) {
            throw new IOException("Dockerfile " + (dockerfile == null ? "(none)" : root.resolve(dockerfile).normalize()) + " not found");
        }
        walk(root, "");
    }

    /** Writes the whole context to {@code out} and finishes the tar (the caller closes {@code out}). */
    public void writeTo(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Entry e : entries) {
            switch (e.kind()) {
                case FOLDER -> put(tar, e.path(), e.name(), true);
                case FILE -> put(tar, e.path(), e.name(), false);
                case LINK -> {
                    TarArchiveEntry link = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK);
                    link.setLinkName(Files.readSymbolicLink(e.path()).toString());
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                }
                case IGNORE_FILE -> put(tar, e.name(), ignoreText + "\n" + GENERATED_DOCKERFILE + "\n");
            }
        }
        if (generatedDockerfile != null) {
            put(tar, GENERATED_DOCKERFILE, generatedDockerfile);
            // one jcompose makes lists itself too, as the docker CLI's does: a COPY . gets neither
            if (ignoreText == null) put(tar, ".dockerignore", ".dockerignore\n" + GENERATED_DOCKERFILE + "\n");
        }
        tar.finish();
        tar.flush();
    }

    private void walk(Path dir, String prefix) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        } catch (AccessDeniedException e) {
            throw unreadable(dir, "folder");
        }
        for (Path child : children) {
            String rel = prefix + child.getFileName();
            boolean excluded = ignore.excludes(rel);
            if (Files.isSymbolicLink(child)) {
                if (!excluded) entries.add(new Entry(rel, child, Kind.LINK));
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                // an excluded folder is still walked when a later "!" rule may bring something inside it back
                if (excluded && !ignore.hasExceptions()) continue;
                if (!excluded) entries.add(new Entry(rel + "/", child, Kind.FOLDER));
                walk(child, rel + "/");
            } else if (rel.equals(".dockerignore") && generatedDockerfile != null) {
                entries.add(new Entry(rel, child, Kind.IGNORE_FILE));
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) && !excluded) {
                try {
                    opener.open(child).close(); // what the send will do, tried now: it fails before the first byte goes
                } catch (AccessDeniedException e) {
                    throw unreadable(child, "file");
                }
                entries.add(new Entry(rel, child, Kind.FILE));
            }
        }
    }

    private IOException unreadable(Path path, String what) {
        return new IOException("the build context's " + what + " " + path + " cannot be read (permission denied): make it readable,"
                + " or leave it out of the context with a line in " + root.resolve(".dockerignore") + "; nothing was sent");
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

    private void put(TarArchiveOutputStream tar, Path file, String name, boolean dir) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode((dir ? 040000 : 0100000) | mode(file));
        e.setModTime(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis());
        if (!dir) e.setSize(Files.size(file));
        tar.putArchiveEntry(e);
        if (!dir) {
            try (InputStream in = opener.open(file)) {
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
