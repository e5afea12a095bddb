package dev.jcompose.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tarball as a user installs it: unpacked in a folder of its own, linked onto the PATH, run from another folder,
 * with no Maven, no clone and a fresh home (so the class-data archives are made by the installed launcher itself).
 */
class DistributionTest {
    static Path root;
    static Path installed;
    static Path pathDir;
    static Path home;

    record Run(int exit, String out, String err) {}

    /** Unpacks the tarball once per JVM (the terminal test uses the same installation). */
    @BeforeAll
    static synchronized void install() throws Exception {
        if (installed != null) return;
        if (root == null) root = Files.createTempDirectory("jct-dist");
        Path tarball = Path.of(System.getProperty("jcompose.dist.tarball"));
        assertTrue(Files.isRegularFile(tarball), "the build made " + tarball + " before the tests");
        Path opt = Files.createDirectories(root.resolve("opt"));
        assertEquals(0, new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", opt.toString()).inheritIO().start().waitFor());
        installed = opt.resolve(System.getProperty("jcompose.dist.name"));
        pathDir = Files.createDirectories(root.resolve("bin-on-path"));
        Files.createSymbolicLink(pathDir.resolve("jcompose"), installed.resolve("bin/jcompose"));
        home = Files.createDirectories(root.resolve("home"));
    }

    static Run jcompose(Path cwd, String... args) throws Exception {
        return jcompose(cwd, Map.of(), args);
    }

    static Run jcompose(Path cwd, Map<String, String> extraEnv, String... args) throws Exception {
        // env looks the name up on the PATH given below, as a shell would (the JVM would use its own)
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "jcompose"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        Map<String, String> env = pb.environment();
        // the PATH a user has: the link, and the system's folders; nothing of this build
        env.put("PATH", pathDir + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.remove("XDG_CACHE_HOME");
        env.remove("MAVEN_HOME");
        env.putAll(extraEnv);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jcompose " + String.join(" ", args) + " ended");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theTarballHoldsTheLauncherTheJarTheCompletionsAndTheHelp() throws IOException {
        assertTrue(Files.isExecutable(installed.resolve("bin/jcompose")), "bin/jcompose is executable");
        try (Stream<Path> lib = Files.list(installed.resolve("lib"))) {
            assertEquals(List.of("jcompose.jar"), lib.map(p -> p.getFileName().toString()).toList(), "one self-contained jar");
        }
        assertTrue(Files.readString(installed.resolve("share/bash-completion/completions/jcompose")).contains("complete -F _jcompose jcompose"));
        assertTrue(Files.readString(installed.resolve("share/zsh/site-functions/_jcompose")).startsWith("#compdef jcompose"));
        assertTrue(Files.readString(installed.resolve("share/doc/jcompose/help.txt")).contains("Usage: jcompose"));
    }

    @Test
    void itRunsFromAnyFolderThroughALinkOnThePathAndMakesItsArchivesOnce() throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(project.resolve("compose.yaml"), "services:\n  web: {image: busybox}\n  db: {image: busybox}\n");
        Run version = jcompose(project, "version", "--short");
        assertEquals(0, version.exit(), version.toString());
        assertTrue(version.out().strip().matches("\\d+\\.\\d+\\.\\d+.*"), version.out());
        Run services = jcompose(project, "config", "--services");
        assertEquals(new Run(0, "db\nweb\n", ""), services);
        try (Stream<Path> cache = Files.list(home.resolve(".cache/jcompose"))) {
            assertTrue(cache.anyMatch(p -> p.getFileName().toString().endsWith("-config.jsa")), "the config archive is made on first use");
        }
    }

    @Test
    void theCompletionScriptIsValidBash() throws Exception {
        Process p = new ProcessBuilder("bash", "-n", installed.resolve("share/bash-completion/completions/jcompose").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    @Tag("engine")
    void itBringsTheHelloSampleUpAndDownWithNoSetUpOfItsOwn() throws Exception {
        Path hello = Files.createDirectories(root.resolve("hello"));
        Path samples = Path.of(System.getProperty("jcompose.repo.root", "..")).resolve("samples/hello");
        Files.copy(samples.resolve("compose.yaml"), hello.resolve("compose.yaml"));
        Files.createDirectories(hello.resolve("www"));
        Files.copy(samples.resolve("www/index.html"), hello.resolve("www/index.html"));
        String project = "jct-dist-" + ProcessHandle.current().pid();
        try {
            // a free host port: the machine's 8080 may be taken
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Run up = jcompose(hello, Map.of("WEB_PORT", String.valueOf(port)), "-p", project, "--progress", "plain", "up", "-d", "--wait");
            assertEquals(0, up.exit(), up.toString());
            Run ps = jcompose(hello, "-p", project, "ps", "--services", "--status", "running");
            assertEquals(new Run(0, "backend\nweb\n", ""), ps);
        } finally {
            Run down = jcompose(hello, "-p", project, "down", "-v", "-t", "0");
            assertEquals(0, down.exit(), down.toString());
        }
    }
}
