package dev.jcompose.spec;

/** Where something stands in a Compose file: 1-based line and column, as editors count them. */
public record Location(String file, int line, int column) {
    public static final Location UNKNOWN = new Location("", 0, 0);

    /** A location for a whole file, when no line applies (a missing file, an empty document). */
    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) return file;
        return file + ":" + line + ":" + column;
    }
}
