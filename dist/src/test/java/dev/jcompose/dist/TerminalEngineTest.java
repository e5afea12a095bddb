package dev.jcompose.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.jcompose.dist.DistributionTest.Run;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The installed jcompose in a real pseudo-terminal (tmux): the live progress view draws and ends clean, and
 * {@code exec} into a shell takes typed keys, answers, and leaves the terminal as it found it.
 */
@Tag("engine")
class TerminalEngineTest {
    private final String session = "jct-term-" + ProcessHandle.current().pid();
    private final String project = "jct-term-" + Long.toHexString(System.nanoTime());
    private Path dir;

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private void type(String keys) throws Exception {
        run("tmux", "send-keys", "-t", session, "-l", keys);
        run("tmux", "send-keys", "-t", session, "Enter");
    }

    private String screen() throws Exception {
        return run("tmux", "capture-pane", "-t", session, "-p", "-S", "-200");
    }

    /** Waits until the screen shows {@code text}; fails with the screen after 60 s. */
    private String await(String text) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String s = screen();
            if (s.contains(text)) return s;
            Thread.sleep(200);
        }
        return fail("the terminal never showed \"" + text + "\":\n" + screen());
    }

    /** Waits until the shell has shown its prompt {@code n} times. */
    private void awaitPrompts(int n) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (screen().lines().filter(l -> l.startsWith("READY$")).count() >= n) return;
            Thread.sleep(200);
        }
        fail("the prompt did not come back:\n" + screen());
    }

    @BeforeEach
    void startATerminal() throws Exception {
        DistributionTest.install();
        dir = Files.createTempDirectory("jct-term");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  box:
                    image: jcompose/busybox:latest
                    init: true
                    command: [sleep, "600"]
                  shell:
                    image: jcompose/busybox:latest
                    command: [sh]
                    tty: true
                    stdin_open: true
                """);
        run("tmux", "new-session", "-d", "-s", session, "-x", "150", "-y", "40", "-c", dir.toString(),
                "env", "PATH=" + DistributionTest.pathDir + ":/usr/bin:/bin", "HOME=" + DistributionTest.home, "PS1=READY$ ",
                "bash", "--norc", "--noprofile");
        await("READY$");
    }

    @AfterEach
    void stop() throws Exception {
        new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
        DistributionTest.jcompose(dir, "-p", project, "down", "-t", "0");
    }

    @Test
    void theLiveViewDrawsAndEndsCleanAndExecTakesTypedKeysAndRestoresTheTerminal() throws Exception {
        type("stty -g > before.txt; jcompose -p " + project + " up -d; echo UP-DONE-$?");
        String s = await("UP-DONE-0");
        assertTrue(s.contains("[+] Running 3/3"), "the live view's header, all done:\n" + s);
        assertTrue(s.contains("✔ Container " + project + "-box-1"), s);
        List<String> frames = s.lines().filter(l -> l.startsWith("[+] Running")).toList();
        assertEquals(1, frames.size(), "redrawn in place, not scrolled:\n" + s);

        type("jcompose -p " + project + " exec box sh");
        await("/ #"); // the pane is read without trailing spaces
        type("echo hi-$((40+2))");
        s = await("hi-42");
        assertEquals(1, s.lines().filter(l -> l.contains("echo hi-$((40+2))")).count(), "typed once, echoed once (raw mode):\n" + s);
        // the exec's TTY has the window's size, and follows it when it changes
        type("echo size-$(stty size | tr ' ' x)");
        await("size-40x150");
        run("tmux", "resize-window", "-t", session, "-x", "120", "-y", "30");
        Thread.sleep(1_000);
        type("echo resized-$(stty size | tr ' ' x)");
        await("resized-30x120");
        run("tmux", "resize-window", "-t", session, "-x", "150", "-y", "40");
        type("exit");
        // the prompt is back (a key typed before jcompose has ended would be read by it, as by the docker CLI)
        awaitPrompts(3);
        type("stty -g > after.txt; cmp before.txt after.txt && echo RESTORED");
        await("RESTORED");

        // run with a TTY: raw mode from the attach to the exit, the same way
        long shellPrompts = screen().lines().filter(l -> l.contains("/ #")).count();
        type("jcompose -p " + project + " run --rm box sh");
        awaitCount("/ #", shellPrompts + 1);
        type("echo run-$((6*7))");
        s = await("run-42");
        assertEquals(1, s.lines().filter(l -> l.contains("echo run-$((6*7))")).count(), "typed once, echoed once (raw mode):\n" + s);
        type("exit");
        awaitPrompts(5);
        type("stty -g > after-run.txt; cmp before.txt after-run.txt && echo RUN-RESTORED");
        await("RUN-RESTORED");
    }

    @Test
    void attachJoinsTheTerminalToARunningShellAndTheDetachKeysLeaveItRunning() throws Exception {
        type("stty -g > before.txt; jcompose -p " + project + " --progress quiet up -d shell; echo UP-$?");
        await("UP-0");
        type("jcompose -p " + project + " attach shell; echo ATTACH-ENDED-$?");
        Thread.sleep(2_000); // attached: what is typed now goes to the container's shell
        type("echo attached-$((20+3))");
        await("attached-23");
        run("tmux", "send-keys", "-t", session, "C-p", "C-q"); // the engine's detach sequence
        await("ATTACH-ENDED-0");
        Run ps = DistributionTest.jcompose(dir, "-p", project, "ps", "--services", "--status", "running");
        assertEquals("shell\n", ps.out(), "detached, not stopped: " + ps);
        type("stty -g > after.txt; cmp before.txt after.txt && echo RESTORED");
        await("RESTORED");
    }

    /** Waits until {@code text} is on the screen {@code n} times. */
    private void awaitCount(String text, long n) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (screen().lines().filter(l -> l.contains(text)).count() >= n) return;
            Thread.sleep(200);
        }
        fail("\"" + text + "\" did not show " + n + " times:\n" + screen());
    }
}
