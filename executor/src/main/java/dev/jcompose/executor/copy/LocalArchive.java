package dev.jcompose.executor.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The local side of docker cp: a file or folder of this machine as the tar the engine extracts, and a tar from the
 * engine extracted here. Links inside a folder go as links, never followed; owners go with the files (the engine
 * keeps or replaces them, {@code -a}), but extraction here leaves them to the user running jcompose, as docker cp does.
 */
public final class LocalArchive {
    private LocalArchive() {}

    /** Writes {@code source} (not followed if it is a link) as a tar whose root entry is {@code root} ({@code .}: the folder's content). */
    public static void write(Path source, String root, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        put(tar, source, root);
        tar.finish();
        tar.flush();
    }

    private static void put(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        boolean link = Files.isSymbolicLink(file);
        boolean dir = !link && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry entry;
        if (link) {
            entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(file).toString());
        } else {
            entry = new TarArchiveEntry(dir ? name + "/" : name);
            if (!dir) entry.setSize(Files.size(file));
        }
        entry.setMode((link ? 0120000 : dir ? 040000 : 0100000) | mode(file));
        entry.setModTime(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
        owner(file, entry);
        tar.putArchiveEntry(entry);
        if (!dir && !link) {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
        if (dir) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(file)) {
                list.forEach(children::add);
            }
            children.sort(null);
            String prefix = name.equals(".") ? "./" : name + "/";
            for (Path child : children) put(tar, child, prefix + child.getFileName());
        }
    }

    private static int mode(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) return 0777;
        try {
            int mode = 0;
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
            for (int i = 0; i < order.length; i++) if (perms.contains(order[i])) mode |= 1 << (8 - i);
            return mode;
        } catch (UnsupportedOperationException e) {
            return Files.isDirectory(file) ? 0755 : 0644;
        }
    }

    private static void owner(Path file, TarArchiveEntry entry) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
            entry.setUserId(((Number) unix.get("uid")).longValue());
            entry.setGroupId(((Number) unix.get("gid")).longValue());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no owners on this file system: root's, as an archive without them says
        }
    }

    /**
     * Extracts a tar whose root entry is {@code from} into {@code directory} (which exists), that root named {@code to}
     * there ({@code .}: its content goes into the folder itself). A folder never replaces a file, nor a file a
     * folder; an entry that would land outside the folder is refused.
     */
    public static void extract(InputStream in, String from, Path directory, String to) throws IOException {
        if (!Files.isDirectory(directory)) throw new CopyException("no such directory: " + directory);
        Path base = to.equals(".") ? directory : directory.resolve(to);
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        List<TarArchiveEntry> folders = new ArrayList<>();
        List<Path> folderPaths = new ArrayList<>();
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            String rest = relative(e.getName(), from);
            Path target = rest.isEmpty() ? base : base.resolve(rest).normalize();
            if (!target.startsWith(directory)) throw new CopyException("archive entry " + e.getName() + " would land outside " + directory);
            if (e.isDirectory()) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new CopyException("cannot overwrite non-directory " + target + " with directory");
                }
                Files.createDirectories(target);
                folders.add(e);
                folderPaths.add(target);
                continue;
            }
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new CopyException("cannot overwrite directory " + target + " with non-directory");
            }
            if (e.isSymbolicLink()) {
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                continue;
            }
            if (e.isLink()) {
                Path existing = base.resolve(relative(e.getLinkName(), from)).normalize();
                Files.copy(existing, target, StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            // devices and pipes: docker cp makes them only as root; jcompose does not make them, and says so
            if (!e.isFile()) throw new CopyException("cannot copy " + e.getName() + ": devices and named pipes are not copied to this machine");
            Files.deleteIfExists(target);
            Files.copy(tar, target);
            attributes(target, e);
        }
        // folders last, so that writing their files does not move their times again
        for (int i = folders.size() - 1; i >= 0; i--) attributes(folderPaths.get(i), folders.get(i));
    }

    /** The part of an entry's name after the root: {@code d/sub/b} from {@code d} is {@code sub/b}; {@code ./a} from {@code .} is {@code a}. */
    static String relative(String name, String root) {
        String n = name.replaceAll("/+$", "").replaceFirst("^/+", "");
        if (root.equals(".")) {
            if (n.equals(".")) return "";
            return n.startsWith("./") ? n.substring(2) : n;
        }
        if (n.equals(root)) return "";
        if (n.startsWith(root + "/")) return n.substring(root.length() + 1);
        throw new CopyException("archive entry " + name + " is not under " + root);
    }

    private static void attributes(Path target, TarArchiveEntry e) throws IOException {
        try {
            Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] order = PosixFilePermission.values();
            for (int i = 0; i < order.length; i++) if ((e.getMode() & (1 << (8 - i))) != 0) perms.add(order[i]);
            Files.setPosixFilePermissions(target, perms);
        } catch (UnsupportedOperationException ex) {
            // no permissions on this file system
        }
        Files.setLastModifiedTime(target, FileTime.from(e.getModTime().toInstant()));
    }
}
