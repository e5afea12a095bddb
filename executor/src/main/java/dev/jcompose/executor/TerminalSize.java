package dev.jcompose.executor;

/** The size of a terminal, in character cells: what a container's TTY is set to. */
public record TerminalSize(int rows, int columns) {
    public TerminalSize {
        if (rows < 1 || columns < 1) throw new IllegalArgumentException("a terminal has at least one row and column: " + rows + "x" + columns);
    }
}
