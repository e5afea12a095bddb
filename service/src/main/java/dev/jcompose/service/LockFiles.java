package dev.jcompose.service;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where the project locks live and the checks that keep other users out of them. A lock another user can create,
 * replace or point elsewhere would let them stall every jcompose command of ours, or have us create or truncate a
 * file of their choosing; so the directory is the user's own (0700, never a shared world-writable one) and nothing
 * in it is followed through a symbolic link. On a file system without POSIX owners (Windows) the checks cannot be
 * made and the directory is the per-user temporary one.
 */
final class LockFiles {
    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final int STICKY = 01000;

    private LockFiles() {}

    /** Whether owners and modes can be checked here (they can on Linux and macOS). */
    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    }

    /** The user id this process runs as. */
    static long currentUid() {
        return new UnixSystem().getUid();
    }

    /**
     * {@code $XDG_RUNTIME_DIR/jcompose} (that directory is the user's own by the XDG specification), else
     * {@code <tmp>/jcompose-<uid>}, a directory of the user's own in the shared temporary one.
     */
    static Path directory(Map<String, String> env, Path tmp) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty()) return Path.of(runtime, "jcompose");
        return tmp.resolve("jcompose-" + (posix() ? String.valueOf(currentUid()) : System.getProperty("user.name")));
    }

    /** Makes {@code dir} (0700) when it is missing, then checks that it is safe to keep locks in. */
    static void prepareDirectory(Path dir, long uid) {
        if (!posix()) {
            createDirectories(dir);
            return;
        }
        checkParent(dir.toAbsolutePath().getParent(), uid);
        PosixFileAttributes attributes = attributes(dir);
        if (attributes == null) {
            createDirectories(dir);
            attributes = attributes(dir);
            if (attributes == null) throw new LockRefusedException("cannot make the lock directory " + dir + ": it vanished as it was made");
        }
        if (attributes.isSymbolicLink()) {
            throw refused("lock directory", dir, "it is a symbolic link (to " + target(dir) + "), which jcompose does not follow here",
                    "remove the link (rm " + dir + ") or set XDG_RUNTIME_DIR to a directory of your own");
        }
        if (!attributes.isDirectory()) {
            throw refused("lock directory", dir, "it is not a directory", "remove it (rm " + dir + ") or set XDG_RUNTIME_DIR to a directory of your own");
        }
        checkOwnerAndMode("lock directory", dir, attributes, uid, "chmod go-w " + dir);
    }

    /**
     * Opens the lock file {@code name} in a directory {@link #prepareDirectory} checked, making it (0600) when it is
     * missing: never through a symbolic link, never one another user owns or may write.
     */
    static FileChannel openLockFile(Path dir, String name, long uid) {
        Path file = dir.resolve(name);
        if (posix()) {
            PosixFileAttributes attributes = attributes(file);
            if (attributes != null) checkLockFile(file, attributes, uid);
        }
        FileChannel channel;
        try {
            // NOFOLLOW_LINKS: a link put there between the check and the open is refused by the system (ELOOP)
            channel = posix()
                    ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), FILE_MODE)
                    : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LockRefusedException("cannot open the lock file " + file + ": " + reason(e)
                    + "; remove it (rm " + file + ") if it is not a lock file of yours", e);
        }
        if (posix()) {
            PosixFileAttributes opened = attributes(file);
            try {
                if (opened == null) throw new LockRefusedException("the lock file " + file + " vanished as it was opened; try again");
                checkLockFile(file, opened, uid);
            } catch (LockRefusedException e) {
                closeQuietly(channel);
                throw e;
            }
        }
        return channel;
    }

    private static void checkLockFile(Path file, PosixFileAttributes attributes, long uid) {
        if (attributes.isSymbolicLink()) {
            throw refused("lock file", file, "it is a symbolic link (to " + target(file) + "), which jcompose does not follow",
                    "remove the link (rm " + file + ")");
        }
        if (!attributes.isRegularFile()) {
            throw refused("lock file", file, "it is not a regular file", "remove it (rm -r " + file + ")");
        }
        checkOwnerAndMode("lock file", file, attributes, uid, "chmod 600 " + file);
    }

    private static void checkOwnerAndMode(String what, Path path, PosixFileAttributes attributes, long uid, String fixMode) {
        long owner = uid(path);
        if (owner != uid) {
            throw refused(what, path, "it belongs to " + attributes.owner().getName() + " (uid " + owner + "), not to you (uid " + uid + ")",
                    "remove it (rm -r " + path + ") or set XDG_RUNTIME_DIR to a directory of your own");
        }
        if (attributes.permissions().stream().anyMatch(OTHERS_WRITE::contains)) {
            throw refused(what, path, "others may write it (" + PosixFilePermissions.toString(attributes.permissions()) + ")",
                    "make it yours alone (" + fixMode + ")");
        }
    }

    /**
     * The directory the lock directory is made in must not let another user swap it: owned by the user or root, and
     * when others may write it, sticky (as /tmp is), so that only its owner may rename or remove what is in it.
     */
    private static void checkParent(Path parent, long uid) {
        if (parent == null || !Files.isDirectory(parent)) return; // made with the lock directory, 0700
        try {
            Map<String, Object> unix = Files.readAttributes(parent, "unix:uid,mode");
            long owner = ((Number) unix.get("uid")).longValue();
            int mode = (Integer) unix.get("mode");
            if (owner != uid && owner != 0) {
                throw refused("lock directory's parent", parent, "it belongs to uid " + owner + ", not to you (uid " + uid + ") or root",
                        "set XDG_RUNTIME_DIR to a directory of your own");
            }
            if ((mode & 022) != 0 && (mode & STICKY) == 0) {
                throw refused("lock directory's parent", parent, "others may write it and it is not sticky (mode " + Integer.toOctalString(mode & 07777) + ")",
                        "set XDG_RUNTIME_DIR to a directory of your own");
            }
        } catch (IOException e) {
            throw new LockRefusedException("cannot read the lock directory's parent " + parent + ": " + reason(e), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            if (posix()) Files.createDirectories(dir, DIRECTORY_MODE);
            else Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // another command made it (or something else stands there): the checks that follow say which
        } catch (IOException e) {
            throw new LockRefusedException("cannot make the lock directory " + dir + ": " + reason(e)
                    + "; set XDG_RUNTIME_DIR to a directory of your own", e);
        }
    }

    /** The path's own attributes (a link's, not its target's), or null when nothing is there. */
    private static PosixFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new LockRefusedException("cannot read " + path + ": " + reason(e), e);
        }
    }

    private static long uid(Path path) {
        try {
            return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (IOException e) {
            throw new LockRefusedException("cannot read the owner of " + path + ": " + reason(e), e);
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static LockRefusedException refused(String what, Path path, String why, String todo) {
        return new LockRefusedException("refusing the " + what + " " + path + ": " + why + "; " + todo);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileAlreadyExistsException) return "something else is there";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // refused anyway: the message says why
        }
    }
}
