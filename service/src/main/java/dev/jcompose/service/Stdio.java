package dev.jcompose.service;

import dev.jcompose.executor.TerminalSizes;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The streams of an attached container: what it reads (null for none), where what it writes goes, and what the
 * caller's terminal does while it is attached ({@code whileAttached}: opened just before the attach, closed after
 * the exit; the command line puts its terminal into raw mode there, and only there, so that the progress lines
 * before stay as they are).
 */
public record Stdio(InputStream in, Consumer<byte[]> out, Consumer<byte[]> err, Supplier<Attached> whileAttached) {
    /** What lasts while a container is attached; closing it needs no handling of checked exceptions. */
    public interface Attached extends AutoCloseable {
        @Override
        void close();

        /** The local terminal's size, which a container's TTY follows; none by default. */
        default TerminalSizes sizes() {
            return TerminalSizes.NONE;
        }
    }

    public Stdio {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(whileAttached, "whileAttached");
    }

    /** Streams with nothing to do around the attach. */
    public Stdio(InputStream in, Consumer<byte[]> out, Consumer<byte[]> err) {
        this(in, out, err, () -> () -> { });
    }
}
