package dev.jcompose.executor.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Turns the engine's log frames, which cut lines anywhere, back into whole lines. */
final class LineSplitter {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Consumer<String> lines;

    LineSplitter(Consumer<String> lines) {
        this.lines = lines;
    }

    synchronized void accept(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                emit();
            } else {
                pending.write(b);
            }
        }
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
