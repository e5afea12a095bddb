package dev.jcompose.executor.memory;

import dev.jcompose.executor.ContainerPath;
import dev.jcompose.executor.EngineException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files of the in-memory engine's containers, with the archive endpoints' rules that cp relies on: a tar is
 * extracted into a folder that exists, a tar of a path is rooted at its last element. No links, no owners.
 */
final class InMemoryFiles {
    private static final long DIR = 1L << 31;

    /** Container name to absolute path to content; a folder's content is null. */
    private final Map<String, TreeMap<String, byte[]>> trees = new TreeMap<>();

    private TreeMap<String, byte[]> tree(String container) {
        // every container has / and /tmp, as busybox has
        return trees.computeIfAbsent(container, k -> {
            TreeMap<String, byte[]> t = new TreeMap<>();
            t.put("/", null);
            t.put("/tmp", null);
            return t;
        });
    }

    private static String clean(String path) {
        String p = ("/" + path).replaceAll("/+", "/").replaceAll("/\\.$", "");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    synchronized Optional<ContainerPath> stat(String container, String path) {
        TreeMap<String, byte[]> t = tree(container);
        String p = clean(path);
        if (!t.containsKey(p)) return Optional.empty();
        byte[] content = t.get(p);
        String name = p.equals("/") ? "/" : p.substring(p.lastIndexOf('/') + 1);
        return Optional.of(new ContainerPath(name, content == null ? 0 : content.length, content == null ? DIR | 0755 : 0644, ""));
    }

    synchronized byte[] tarOf(String container, String path) {
        TreeMap<String, byte[]> t = tree(container);
        String p = clean(path);
        if (!t.containsKey(p)) throw new EngineException("Could not find the file " + path + " in container " + container);
        String root = path.endsWith("/.") ? "." : p.substring(p.lastIndexOf('/') + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : t.tailMap(p, true).entrySet()) {
                if (!e.getKey().equals(p) && !e.getKey().startsWith(p.equals("/") ? "/" : p + "/")) break;
                String name = root + e.getKey().substring(p.length());
                TarArchiveEntry entry = new TarArchiveEntry(e.getValue() == null ? name + "/" : name);
                entry.setMode(e.getValue() == null ? 040755 : 0100644);
                if (e.getValue() != null) entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                if (e.getValue() != null) tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    synchronized void extract(String container, String directory, InputStream in) {
        TreeMap<String, byte[]> t = tree(container);
        String dir = clean(directory);
        if (!t.containsKey(dir)) throw new EngineException("Could not find the file " + directory + " in container " + container);
        if (t.get(dir) != null) throw new EngineException("extraction point is not a directory");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String target = clean(dir + "/" + e.getName());
                boolean folder = e.isDirectory();
                if (t.containsKey(target) && (t.get(target) == null) != folder) {
                    throw new EngineException("cannot overwrite " + (folder ? "non-directory " : "directory ") + target
                            + " with " + (folder ? "directory" : "non-directory"));
                }
                t.put(target, folder ? null : tar.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's content, for assertions; null when it is not there or a folder. */
    synchronized byte[] read(String container, String path) {
        return tree(container).get(clean(path));
    }

    synchronized void write(String container, String path, byte[] content) {
        tree(container).put(clean(path), content);
    }
}
