package dev.jcompose.executor;

import java.io.IOException;
import java.io.InputStream;

/** Reads the tar stream the engine sends of a container's path, while the call is open. */
@FunctionalInterface
public interface ArchiveReader {
    /** @param path what the engine says of the path; {@code tar} its content, read as it comes */
    void read(ContainerPath path, InputStream tar) throws IOException;
}
