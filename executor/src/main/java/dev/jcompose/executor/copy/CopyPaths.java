package dev.jcompose.executor.copy;

import java.util.ArrayDeque;

/**
 * docker cp's rules for where a copy lands, pure: given what the source is and what is at the destination, the
 * folder the archive is extracted into and the name its root entry takes there (Go's {@code archive.PrepareArchiveCopy}).
 * A source ending in {@code /.} is a folder's content: its root is {@code .}.
 */
public final class CopyPaths {
    private CopyPaths() {}

    /** What is copied: a folder or not, and the name of its root entry in the archive ({@code .} for a folder's content). */
    public record Source(boolean directory, String base) {}

    /** Where to: the path as given, and what is there (a path that does not exist is neither). */
    public record Destination(String path, boolean exists, boolean directory) {}

    /** Extract into {@code directory}, the source's root entry named {@code root} there ({@code .}: its content). */
    public record Placement(String directory, String root) {}

    public static Placement place(Source source, Destination destination) {
        String[] split = splitDirEntry(destination.path());
        if (destination.exists() && destination.directory()) return new Placement(destination.path(), source.base());
        if (destination.exists() && source.directory()) {
            throw new CopyException("cannot copy directory: " + destination.path() + " is not a directory");
        }
        if (!destination.exists() && !source.directory() && assertsDirectory(destination.path())) {
            throw new CopyException("no such directory: " + destination.path() + " does not exist, and a file cannot make it");
        }
        // a file replaces a file, or a path that does not exist is made: the root takes the destination's name
        return new Placement(split[0], split[1]);
    }

    /** Whether the path says it is a folder: it ends in {@code /} or {@code /.}. */
    public static boolean assertsDirectory(String path) {
        return path.endsWith("/") || path.endsWith("/.") || path.equals(".");
    }

    /** Whether the path names a folder's content: it ends in {@code /.}. */
    public static boolean contentOnly(String path) {
        return path.endsWith("/.") || path.equals(".");
    }

    /**
     * A path's folder and last element, cleaned, as Go's {@code archive.SplitPathDirEntry}: {@code /a/b/} gives
     * {@code /a} and {@code b}; {@code /a/b/.} gives {@code /a/b} and {@code .}.
     */
    public static String[] splitDirEntry(String path) {
        String cleaned = clean(path);
        if (contentOnly(path)) return new String[] {cleaned, "."};
        int slash = cleaned.lastIndexOf('/');
        if (slash < 0) return new String[] {".", cleaned};
        return new String[] {slash == 0 ? "/" : cleaned.substring(0, slash), cleaned.substring(slash + 1)};
    }

    /** The last element of a path, as {@link #splitDirEntry} gives it. */
    public static String base(String path) {
        return splitDirEntry(path)[1];
    }

    /** Go's {@code path.Clean}: no repeated or trailing slashes, no {@code .} elements, {@code ..} resolved. */
    static String clean(String path) {
        if (path.isEmpty()) return ".";
        boolean absolute = path.startsWith("/");
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
                else if (!absolute) parts.addLast("..");
            } else {
                parts.addLast(p);
            }
        }
        String joined = String.join("/", parts);
        if (absolute) return "/" + joined;
        return joined.isEmpty() ? "." : joined;
    }
}
