package dev.jcompose.spec.hostile;

import static dev.jcompose.spec.hostile.HostileFiles.aliasBomb;
import static dev.jcompose.spec.hostile.HostileFiles.fifo;
import static dev.jcompose.spec.hostile.HostileFiles.nested;
import static dev.jcompose.spec.hostile.HostileFiles.repeat;
import static dev.jcompose.spec.hostile.HostileFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per hostile or broken input of issue 15: each is made in a temporary folder, loaded, and must fail with a
 * {@link ComposeException} (the CLI's exit 3) whose message names the file and, where there is one, the line and
 * column, well inside a generous time bound (a guard against hangs and blow-ups, not a benchmark).
 */
class HostileInputTest {
    /** Loose on purpose: each case takes milliseconds to a second; a regression is a hang, a blow-up or minutes. */
    static final Duration BOUND = Duration.ofSeconds(10);
    static final String SERVICE = "services:\n  web:\n    image: busybox\n";

    /** Makes the files in {@code dir}; returns the options of the load. */
    interface Setup {
        LoadOptions make(Path dir) throws Exception;
    }

    record Case(String name, Setup setup, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static LoadOptions compose(Path dir) {
        return LoadOptions.of(dir, Map.of(), "compose.yaml");
    }

    static LoadOptions withEnvFile(Path dir, String envFile) {
        return new LoadOptions(List.of("compose.yaml"), dir, null, null, List.of(envFile), Map.of(), Set.of(), List.of(), List.of());
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("alias bomb", dir -> {
                    write(dir.resolve("compose.yaml"), aliasBomb(9));
                    return compose(dir);
                }, "<dir>/compose.yaml:6:12: too many aliased nodes: *l4 makes the aliases expand to more than 100000 nodes"
                        + " (a document of nested aliases (\"billion laughs\") is refused; write the values out)"),
                new Case("10 000 nested flow sequences", dir -> {
                    write(dir.resolve("compose.yaml"), nested("[", "]", 10_000));
                    return compose(dir);
                }, "<dir>/compose.yaml:1:136: nested more than 128 levels deep (a Compose file needs a handful of levels)"),
                new Case("10 000 nested flow mappings", dir -> {
                    write(dir.resolve("compose.yaml"), nested("{a: ", "}", 10_000));
                    return compose(dir);
                }, "<dir>/compose.yaml:1:517: nested more than 128 levels deep (a Compose file needs a handful of levels)"),
                new Case("10 000 nested block sequences", dir -> {
                    write(dir.resolve("compose.yaml"), "x-deep:\n" + "- ".repeat(10_000) + "x\nservices: {}\n");
                    return compose(dir);
                }, "<dir>/compose.yaml:2:255: nested more than 128 levels deep (a Compose file needs a handful of levels)"),
                new Case("50 MB scalar", dir -> {
                    repeat(dir.resolve("compose.yaml"), SERVICE + "x-big: ", 'a', 50L * 1000 * 1000, "\n");
                    return compose(dir);
                }, "<dir>/compose.yaml: is 47.7 MiB, over the 16 MiB limit for a Compose file"),
                new Case("100 MB env_file", dir -> {
                    write(dir.resolve("compose.yaml"), SERVICE + "    env_file: big.env\n");
                    repeat(dir.resolve("big.env"), "A=", 'x', 100L * 1000 * 1000, "\n");
                    return compose(dir);
                }, "<dir>/compose.yaml:4:15: services.web.env_file: env file <dir>/big.env is 95.4 MiB,"
                        + " over the 4 MiB limit for an environment file"),
                new Case("100 MB .env", dir -> {
                    write(dir.resolve("compose.yaml"), SERVICE);
                    repeat(dir.resolve(".env"), "A=", 'x', 100L * 1000 * 1000, "\n");
                    return compose(dir);
                }, "<dir>/.env: is 95.4 MiB, over the 4 MiB limit for an environment file"),
                new Case(".env with a NUL byte", dir -> {
                    write(dir.resolve("compose.yaml"), SERVICE);
                    write(dir.resolve(".env"), "A=1\nB=x\0y\n");
                    return compose(dir);
                }, "<dir>/.env:2:4: NUL byte: an environment file is text, and a variable cannot hold a NUL (is this a binary file?)"),
                new Case("env_file with a NUL byte", dir -> {
                    write(dir.resolve("compose.yaml"), SERVICE + "    env_file: nul.env\n");
                    write(dir.resolve("nul.env"), "\0\0\0\0");
                    return compose(dir);
                }, "<dir>/nul.env:1:1: NUL byte: an environment file is text, and a variable cannot hold a NUL (is this a binary file?)"),
                new Case("invalid UTF-8 in a compose file", dir -> {
                    byte[] head = (SERVICE + "    command: caf").getBytes(StandardCharsets.UTF_8);
                    byte[] bytes = new byte[head.length + 2];
                    System.arraycopy(head, 0, bytes, 0, head.length);
                    bytes[head.length] = (byte) 0xC3; // a lead byte with no continuation
                    bytes[head.length + 1] = '\n';
                    write(dir.resolve("compose.yaml"), bytes);
                    return compose(dir);
                }, "<dir>/compose.yaml:4:17: invalid UTF-8 (byte 0xC3 at offset 52) (save the file as UTF-8)"),
                new Case("invalid UTF-8 in .env", dir -> {
                    write(dir.resolve("compose.yaml"), SERVICE);
                    write(dir.resolve(".env"), new byte[] {'A', '=', 'x', (byte) 0xFF, '\n'});
                    return compose(dir);
                }, "<dir>/.env:1:4: invalid UTF-8 (byte 0xFF at offset 3) (save the file as UTF-8)"),
                new Case("a compose file that is a directory", dir -> {
                    Files.createDirectory(dir.resolve("compose.yaml"));
                    return compose(dir);
                }, "<dir>/compose.yaml: is a directory, not a file (pass the Compose file inside it)"),
                new Case("a compose file that is a FIFO", dir -> {
                    fifo(dir.resolve("compose.yaml"));
                    return compose(dir);
                }, "<dir>/compose.yaml: is not a regular file (a named pipe, socket or device), so it is not read"
                        + " (jcompose reads regular files only: write it to a file first)"),
                new Case("an env_file that is a FIFO", dir -> {
                    write(dir.resolve("compose.yaml"), SERVICE + "    env_file: pipe.env\n");
                    fifo(dir.resolve("pipe.env"));
                    return compose(dir);
                }, "<dir>/compose.yaml:4:15: services.web.env_file: env file <dir>/pipe.env is not a regular file"
                        + " (a named pipe, socket or device), so it is not read"),
                new Case("an --env-file that is a FIFO", dir -> {
                    write(dir.resolve("compose.yaml"), SERVICE);
                    fifo(dir.resolve("pipe.env"));
                    return withEnvFile(dir, "pipe.env");
                }, "<dir>/pipe.env: is not a regular file (a named pipe, socket or device), so it is not read"),
                new Case("an env_file that is a directory", dir -> {
                    write(dir.resolve("compose.yaml"), SERVICE + "    env_file: conf.d\n");
                    Files.createDirectory(dir.resolve("conf.d"));
                    return compose(dir);
                }, "<dir>/compose.yaml:4:15: services.web.env_file: env file <dir>/conf.d is a directory, not a file"),
                new Case("the project's .env that is a FIFO", dir -> {
                    write(dir.resolve("compose.yaml"), SERVICE);
                    fifo(dir.resolve(".env"));
                    return compose(dir);
                }, "<dir>/.env: is not a regular file (a named pipe, socket or device), so it is not read"),
                new Case("an included project's .env that is a FIFO", dir -> {
                    write(dir.resolve("compose.yaml"), "include: [sub/compose.yaml]\n" + SERVICE);
                    Files.createDirectory(dir.resolve("sub"));
                    write(dir.resolve("sub/compose.yaml"), "services:\n  db:\n    image: busybox\n");
                    fifo(dir.resolve("sub/.env"));
                    return compose(dir);
                }, "<dir>/compose.yaml:1:11: include: env file <dir>/sub/.env is not a regular file (a named pipe, socket or"
                        + " device), so it is not read"),
                new Case("an included file that is a directory", dir -> {
                    write(dir.resolve("compose.yaml"), "include: [sub]\n" + SERVICE);
                    Files.createDirectory(dir.resolve("sub"));
                    return compose(dir);
                }, "<dir>/compose.yaml:1:11: include: included file <dir>/sub is a directory, not a file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsQuicklyWithTheFileAndLine(Case c, @TempDir Path dir) throws Exception {
        LoadOptions options = c.setup().make(dir);
        ComposeException e = assertTimeoutPreemptively(BOUND,
                () -> assertThrows(ComposeException.class, () -> ComposeLoader.load(options)));
        assertEquals(c.expected(), e.getMessage().replace(dir.toAbsolutePath().normalize().toString(), "<dir>"));
    }
}
