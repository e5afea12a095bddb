package dev.jcompose.executor;

import java.util.function.Consumer;

/**
 * The local terminal's size for a container's TTY: now, and each time the window changes, so that the container's
 * programs draw for the window they are shown in.
 */
public interface TerminalSizes {
    /** No terminal: the engine's own size, never changed. */
    TerminalSizes NONE = new TerminalSizes() {
        @Override
        public TerminalSize current() {
            return null;
        }

        @Override
        public void onChange(Consumer<TerminalSize> listener) { }
    };

    /** The size now, or null when it cannot be known. */
    TerminalSize current();

    /** {@code listener} is told every later size, from a thread of the caller's (a signal's). */
    void onChange(Consumer<TerminalSize> listener);
}
