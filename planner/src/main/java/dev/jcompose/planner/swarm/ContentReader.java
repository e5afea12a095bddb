package dev.jcompose.planner.swarm;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a config's or secret's {@code file:} for the converter, which stays pure: the service layer passes one that
 * reads the file system (tests pass a map).
 */
@FunctionalInterface
public interface ContentReader {
    /** The file's bytes; an {@link IOException} becomes an error at the config's line. */
    byte[] read(Path file) throws IOException;
}
