package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.ContainerSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The tar stream {@code PUT /containers/{id}/archive?path=/} takes for a container's configs and secrets given by
 * content: each file at its target with its mode, uid and gid, its folders before it.
 */
public final class FileArchive {
    private FileArchive() {}

    public static byte[] of(Iterable<ContainerSpec.FileCopy> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Set<String> folders = new LinkedHashSet<>();
            for (ContainerSpec.FileCopy f : files) {
                String path = f.path().replaceFirst("^/+", "");
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    String folder = path.substring(0, slash + 1);
                    if (!folders.add(folder)) continue;
                    TarArchiveEntry dir = new TarArchiveEntry(folder);
                    dir.setMode(040755);
                    tar.putArchiveEntry(dir);
                    tar.closeArchiveEntry();
                }
                TarArchiveEntry e = new TarArchiveEntry(path);
                e.setSize(f.content().length);
                e.setMode(0100000 | f.mode());
                if (f.uid() != null) e.setUserId(Long.parseLong(f.uid()));
                if (f.gid() != null) e.setGroupId(Long.parseLong(f.gid()));
                tar.putArchiveEntry(e);
                tar.write(f.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
