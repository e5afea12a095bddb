package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile inputs of issue 15 through the CLI, as a user meets them: `config` exits 3 within the bound, the
 * message names the file (and line) on stderr, and no stack trace reaches the user. The loader's own table test
 * (compose-spec's HostileInputTest) checks every shape and message; this one checks the exit code and the streams.
 */
class HostileInputCliTest {
    interface Setup {
        void make(Path dir) throws Exception;
    }

    record Case(String name, Setup setup, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String SERVICE = "services:\n  web:\n    image: busybox\n";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("alias bomb", dir -> {
                    StringBuilder sb = new StringBuilder("x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                    for (int i = 1; i < 9; i++) {
                        sb.append("x-l").append(i).append(": &l").append(i).append(" [")
                                .append(String.join(", ", Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
                    }
                    Files.writeString(dir.resolve("compose.yaml"), sb.append(SERVICE));
                }, "compose.yaml:6:12: too many aliased nodes"),
                new Case("10 000-deep nesting", dir -> Files.writeString(dir.resolve("compose.yaml"),
                        SERVICE + "x-deep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"),
                        "compose.yaml:4:136: nested more than 128 levels deep"),
                new Case("50 MB scalar", dir -> {
                    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("compose.yaml"))) {
                        w.write(SERVICE + "x-big: ");
                        String chunk = "a".repeat(1000);
                        for (int i = 0; i < 50_000; i++) w.write(chunk);
                    }
                }, "compose.yaml: is 47.7 MiB, over the 16 MiB limit for a Compose file"),
                new Case(".env with NUL", dir -> {
                    Files.writeString(dir.resolve("compose.yaml"), SERVICE);
                    Files.write(dir.resolve(".env"), "A=\0\n".getBytes(StandardCharsets.UTF_8));
                }, ".env:1:3: NUL byte"),
                new Case("invalid UTF-8", dir -> Files.write(dir.resolve("compose.yaml"),
                        new byte[] {'x', '-', 'a', ':', ' ', (byte) 0xFE, '\n'}), "compose.yaml:1:6: invalid UTF-8"),
                new Case("compose file is a directory", dir -> Files.createDirectory(dir.resolve("compose.yaml")),
                        "compose.yaml: is a directory, not a file"),
                new Case("compose file is a FIFO", dir -> {
                    Process p = new ProcessBuilder("mkfifo", dir.resolve("compose.yaml").toString()).inheritIO().start();
                    assertEquals(0, p.waitFor(), "mkfifo");
                }, "compose.yaml: is not a regular file"),
                new Case("default .env is a FIFO", dir -> {
                    Files.writeString(dir.resolve("compose.yaml"), SERVICE);
                    Process p = new ProcessBuilder("mkfifo", dir.resolve(".env").toString()).inheritIO().start();
                    assertEquals(0, p.waitFor(), "mkfifo");
                }, ".env: is not a regular file"),
                new Case("2 MiB seccomp profile", dir -> {
                    Files.writeString(dir.resolve("compose.yaml"), SERVICE + "    security_opt: [\"seccomp=big.json\"]\n");
                    Files.writeString(dir.resolve("big.json"), "{\"x\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}");
                }, "big.json: is 2.0 MiB, over the 1 MiB limit for a seccomp profile"),
                new Case("seccomp profile is a FIFO", dir -> {
                    Files.writeString(dir.resolve("compose.yaml"), SERVICE + "    security_opt: [\"seccomp=profile.json\"]\n");
                    Process p = new ProcessBuilder("mkfifo", dir.resolve("profile.json").toString()).inheritIO().start();
                    assertEquals(0, p.waitFor(), "mkfifo");
                }, "profile.json: is not a regular file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void configExitsThreeNamingTheFile(Case c, @TempDir Path dir) throws Exception {
        c.setup().make(dir);
        CliRunner cli = CliRunner.withEngine(dir, new InMemoryEngine()).env("HOME", "/home/hostile");
        CliRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli.run("-f", "compose.yaml", "config"));
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains(dir + "/" + c.expected()), r::toString);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), () -> "a stack trace reached the user:\n" + r);
        assertEquals("", r.out(), r::toString);
    }
}
