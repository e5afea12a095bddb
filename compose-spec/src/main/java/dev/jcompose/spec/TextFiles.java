package dev.jcompose.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the loader's text files (Compose files, {@code .env}, {@code env_file}, {@code label_file}) with the checks
 * hostile input needs: only regular files (opening a FIFO with no writer would block for ever, a directory or device
 * is never a Compose file), a size limit checked before a byte is read (so a huge file costs no memory), and strict
 * UTF-8 whose first bad byte is named by line and column.
 */
public final class TextFiles {
    /** A kind of file and the most bytes one may hold. */
    public record Limit(String kind, long bytes) {}

    /** Compose files: real ones are kilobytes; 16 MiB leaves room for inline configs while bounding the tree. */
    public static final Limit COMPOSE_FILE = new Limit("a Compose file", 16L * 1024 * 1024);
    /**
     * {@code .env}, {@code env_file}, {@code label_file}: Linux starts a process with at most about 2 MiB of
     * arguments and environment together (ARG_MAX is a quarter of the 8 MiB stack), so a larger environment file could
     * never reach a container anyway.
     */
    public static final Limit ENV_FILE = new Limit("an environment file", 4L * 1024 * 1024);

    private TextFiles() {}

    /** Why {@code file} cannot be read as text, without opening it; empty when it is a regular file or missing. */
    public static Optional<String> notRegular(Path file) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty(); // missing: each caller has its own words for that
        }
        if (attrs.isRegularFile()) return Optional.empty();
        if (attrs.isDirectory()) return Optional.of("is a directory, not a file");
        return Optional.of("is not a regular file (a named pipe, socket or device), so it is not read");
    }

    /** The text of {@code file}; throws {@link ComposeException} naming the file (and the line of bad UTF-8). */
    public static String read(Path file, Limit limit) {
        String name = file.toString();
        if (!Files.exists(file)) throw fail(name, "no such file");
        Optional<String> odd = notRegular(file);
        if (odd.isPresent()) throw fail(name, odd.get());
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limit.bytes()) throw fail(name, tooBig(size, limit));
            try (InputStream in = Files.newInputStream(file)) {
                // the file may grow between the size check and the read: read one byte past the limit to notice
                bytes = in.readNBytes((int) limit.bytes() + 1);
            }
        } catch (NoSuchFileException e) {
            throw fail(name, "no such file");
        } catch (AccessDeniedException e) {
            throw fail(name, "cannot be read: permission denied");
        } catch (IOException e) {
            throw fail(name, "cannot be read: " + e.getMessage());
        }
        if (bytes.length > limit.bytes()) throw fail(name, tooBig(bytes.length, limit));
        return decode(name, bytes);
    }

    /** Strict UTF-8; the first malformed byte is reported by line and column (in characters, as editors count). */
    static String decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < out.limit(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = out.toString().codePointCount(lineStart, out.limit()) + 1;
            throw new ComposeException(new Diagnostic(new Location(name, line, column), "",
                    String.format(Locale.ROOT, "invalid UTF-8 (byte 0x%02X at offset %d)", bytes[in.position()] & 0xff, in.position()),
                    "save the file as UTF-8"));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static String tooBig(long size, Limit limit) {
        return String.format(Locale.ROOT, "is %.1f MiB, over the %d MiB limit for %s",
                size / (1024.0 * 1024), limit.bytes() / (1024 * 1024), limit.kind());
    }

    private static ComposeException fail(String name, String message) {
        return new ComposeException(new Diagnostic(Location.of(name), "", message));
    }
}
