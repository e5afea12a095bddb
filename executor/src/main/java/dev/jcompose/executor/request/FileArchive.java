package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.ContainerSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The tar stream {@code PUT /containers/{id}/archive?path=/} takes for a container's configs and secrets given by
 * content: each file at its target with its mode, uid and gid.
 */
public final class FileArchive {
    private FileArchive() {}

    public static byte[] of(Iterable<ContainerSpec.FileCopy> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (ContainerSpec.FileCopy f : files) {
                // the file alone, no entries for its folders: the engine makes missing ones, and an entry for an
                // existing one (/tmp, /etc) would re-own and re-mode it
                String path = f.path().replaceFirst("^/+", "");
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
