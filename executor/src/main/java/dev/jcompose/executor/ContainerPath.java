package dev.jcompose.executor;

/**
 * What the engine says of a path in a container: its {@code X-Docker-Container-Path-Stat} header, as the archive
 * calls give it.
 *
 * @param mode       Go's {@code os.FileMode} bits: permissions in the low 9, the type in the high ones
 * @param linkTarget where a symbolic link points, empty for anything else
 */
public record ContainerPath(String name, long size, long mode, String linkTarget) {
    /** Go's {@code os.ModeDir}. */
    private static final long DIR = 1L << 31;
    /** Go's {@code os.ModeSymlink}. */
    private static final long SYMLINK = 1L << 27;
    /** Go's {@code os.ModeType}: every type bit (dir, symlink, named pipe, socket, device, char device, irregular). */
    private static final long TYPE = DIR | SYMLINK | (1L << 25) | (1L << 24) | (1L << 26) | (1L << 21) | (1L << 19);

    public ContainerPath {
        linkTarget = linkTarget == null ? "" : linkTarget;
    }

    public boolean directory() {
        return (mode & DIR) != 0;
    }

    public boolean symlink() {
        return (mode & SYMLINK) != 0;
    }

    /** A regular file: none of the type bits set. */
    public boolean regular() {
        return (mode & TYPE) == 0;
    }
}
