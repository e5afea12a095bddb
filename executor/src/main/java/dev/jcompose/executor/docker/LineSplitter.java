package dev.jcompose.executor.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the engine's log frames, which cut lines anywhere, back into whole lines. A line is held until its newline
 * comes, but never more than {@link #MAX_LINE_BYTES} of it: a container that writes without newlines would
 * otherwise be held whole in memory, so a longer line is passed on in pieces of that size (cut between characters,
 * so a piece may be up to 3 bytes over).
 */
final class LineSplitter {
    static final int MAX_LINE_BYTES = 1 << 20;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Consumer<String> lines;

    LineSplitter(Consumer<String> lines) {
        this.lines = lines;
    }

    synchronized void accept(byte[] bytes) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, start, i - start);
                emit();
                start = i + 1;
            } else if (pending.size() + (i - start) >= MAX_LINE_BYTES && (bytes[i] & 0xC0) != 0x80) {
                // at the limit, and bytes[i] starts a character: what comes before it goes on as a line of its own
                pending.write(bytes, start, i - start);
                emit();
                start = i;
            }
        }
        pending.write(bytes, start, bytes.length - start);
    }

    /** The last line, when the stream ends without a newline. */
    synchronized void flush() {
        if (pending.size() > 0) emit();
    }

    private void emit() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
