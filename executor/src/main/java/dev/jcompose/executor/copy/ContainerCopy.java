package dev.jcompose.executor.copy;

import dev.jcompose.executor.ContainerPath;
import dev.jcompose.executor.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * docker cp between one container and this machine, through the engine's archive calls: what is at each end decides
 * where the copy lands ({@link CopyPaths}), the local side is read or written by {@link LocalArchive}, and
 * {@code -} stands for a tar on the standard input or output.
 */
public final class ContainerCopy {
    private final Engine engine;
    /** The folder relative local paths are read against (the command's, not the JVM's). */
    private final Path cwd;

    public ContainerCopy(Engine engine, Path cwd) {
        this.engine = engine;
        this.cwd = cwd;
    }

    /** A local path made absolute, keeping a trailing {@code /} or {@code /.} that says it is a folder. */
    String absolute(String local) {
        String abs = cwd.resolve(local).normalize().toString();
        if (CopyPaths.contentOnly(local)) return abs.equals("/") ? "/." : abs + "/.";
        if (local.endsWith("/") && !abs.endsWith("/")) return abs + "/";
        return abs;
    }

    /** Copies {@code path} of the container to {@code local}, or as a tar to {@code stdout} when {@code local} is {@code -}. */
    public void fromContainer(String container, String path, String local, boolean followLink, OutputStream stdout) {
        String source = path;
        String rebase = null;
        if (followLink) {
            Optional<ContainerPath> stat = engine.statPath(container, path);
            if (stat.isPresent() && stat.get().symlink()) {
                String target = stat.get().linkTarget();
                source = target.startsWith("/") ? target : CopyPaths.splitDirEntry(path)[0] + "/" + target;
                // the copy keeps the name the user gave, not the link target's
                rebase = CopyPaths.base(path);
            }
        }
        String rename = rebase;
        if (local.equals("-")) {
            engine.copyFromContainer(container, source, (stat, tar) -> tar.transferTo(stdout));
            return;
        }
        String destination = absolute(local);
        Path dest = Path.of(destination);
        Path parent = dest.getParent() == null ? dest : dest.getParent();
        if (!Files.exists(dest) && !Files.isDirectory(parent)) {
            throw new CopyException("destination directory " + parent + " does not exist");
        }
        CopyPaths.Destination to = new CopyPaths.Destination(destination, Files.exists(dest), Files.isDirectory(dest));
        engine.copyFromContainer(container, source, (stat, tar) -> {
            CopyPaths.Placement placement = CopyPaths.place(new CopyPaths.Source(stat.directory(), rename != null ? rename : stat.name()), to);
            LocalArchive.extract(tar, stat.name(), Path.of(placement.directory()), placement.root());
        });
    }

    /**
     * Copies {@code local} (or the tar on {@code stdin} when it is {@code -}) to {@code path} of the container.
     *
     * @param copyUidGid the files take the container user's owner (docker cp's {@code -a})
     */
    public void toContainer(String container, String local, String path, boolean followLink, boolean copyUidGid, InputStream stdin) {
        Optional<ContainerPath> stat = engine.statPath(container, path);
        String destination = path;
        // a link at the destination is followed, as docker cp does
        if (stat.isPresent() && stat.get().symlink()) {
            String target = stat.get().linkTarget();
            destination = target.startsWith("/") ? target : CopyPaths.splitDirEntry(path)[0] + "/" + target;
            stat = engine.statPath(container, destination);
        }
        if (stat.isPresent() && !stat.get().directory() && !stat.get().regular()) {
            throw new CopyException("destination \"" + container + ":" + path + "\" must be a directory or a regular file");
        }
        if (local.equals("-")) {
            if (stat.isEmpty() || !stat.get().directory()) {
                throw new CopyException("destination \"" + container + ":" + path + "\" must be a directory");
            }
            engine.copyToContainer(container, destination, stdin, copyUidGid);
            return;
        }
        String source = absolute(local);
        Path file = Path.of(source);
        if (followLink) file = realPath(file, local);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) throw new CopyException("no such file or directory: " + local);
        boolean directory = Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
        if (local.endsWith("/") && !directory) throw new CopyException("not a directory: " + local);
        CopyPaths.Source from = new CopyPaths.Source(directory, CopyPaths.contentOnly(local) ? "." : CopyPaths.base(source));
        CopyPaths.Destination to = new CopyPaths.Destination(destination, stat.isPresent(), stat.isPresent() && stat.get().directory());
        CopyPaths.Placement placement = CopyPaths.place(from, to);
        send(container, file, placement, copyUidGid);
    }

    private static Path realPath(Path file, String local) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new CopyException("no such file or directory: " + local);
        }
    }

    /** Streams the tar as it is written, through a pipe, so that a folder of any size never sits whole in memory. */
    private void send(String container, Path file, CopyPaths.Placement placement, boolean copyUidGid) {
        AtomicReference<IOException> failure = new AtomicReference<>();
        try (PipedInputStream in = new PipedInputStream(1 << 16)) {
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (out) {
                    LocalArchive.write(file, placement.root(), out);
                } catch (IOException e) {
                    failure.set(e);
                }
            }, "jcompose-cp-tar");
            writer.setDaemon(true);
            writer.start();
            engine.copyToContainer(container, placement.directory(), in, copyUidGid);
            writer.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CopyException("copy to " + container + " interrupted");
        }
        if (failure.get() != null) throw new CopyException("reading " + file + ": " + failure.get().getMessage());
    }
}
