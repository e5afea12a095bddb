package dev.jcompose.spec.hostile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;

/** Writes the hostile shapes into a test's temporary folder, streamed so that the test itself stays small in memory. */
final class HostileFiles {
    private HostileFiles() {}

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
    }

    /** {@code prefix}, then {@code count} times {@code fill}, then {@code suffix}, without holding it all at once. */
    static void repeat(Path file, String prefix, char fill, long count, String suffix) throws IOException {
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, (byte) fill);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            for (long left = count; left > 0; left -= chunk.length) out.write(chunk, 0, (int) Math.min(chunk.length, left));
            out.write(suffix.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The classic "billion laughs": {@code levels} lines, each a list of nine aliases to the line before. */
    static String aliasBomb(int levels) {
        StringBuilder sb = new StringBuilder("x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < levels; i++) {
            String alias = "*l" + (i - 1);
            sb.append("x-l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, alias))).append("]\n");
        }
        return sb.append("services: {}\n").toString();
    }

    static String nested(String open, String close, int depth) {
        return "x-deep: " + open.repeat(depth) + close.repeat(depth) + "\nservices: {}\n";
    }

    static void fifo(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IOException("mkfifo failed: " + p.exitValue());
    }
}
