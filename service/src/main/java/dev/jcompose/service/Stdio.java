package dev.jcompose.service;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The streams of an attached container: what it reads (null for none) and where what it writes goes.
 */
public record Stdio(InputStream in, Consumer<byte[]> out, Consumer<byte[]> err) {
    public Stdio {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
