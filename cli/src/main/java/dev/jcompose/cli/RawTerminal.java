package dev.jcompose.cli;

import dev.jcompose.executor.TerminalSize;
import dev.jcompose.executor.TerminalSizes;
import dev.jcompose.service.Stdio;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * The local terminal in raw mode while a command with a TTY ({@code exec}, {@code run}) is attached to it, as the
 * docker CLI puts it: every key goes to the container as typed (Ctrl-C included, which the container's shell then
 * handles), nothing is echoed twice. The terminal's own settings are saved first ({@code stty -g}) and put back on
 * close, and by a shutdown hook when the JVM is ended otherwise. The JDK has no terminal API, so {@code stty} on
 * {@code /dev/tty} does it.
 */
final class RawTerminal implements Stdio.Attached, TerminalSizes {
    private static final File TTY = new File("/dev/tty");

    private final String saved;
    private final Thread restoreAtExit;
    private final List<Consumer<TerminalSize>> listeners = new CopyOnWriteArrayList<>();
    private sun.misc.SignalHandler previousWinch;

    private RawTerminal(String saved) {
        this.saved = saved;
        this.restoreAtExit = saved == null ? null : new Thread(this::restore, "jcompose-terminal-restore");
        if (restoreAtExit != null) Runtime.getRuntime().addShutdownHook(restoreAtExit);
    }

    /** Raw mode when {@code ctx} has a terminal and {@code wanted}; otherwise nothing changes and close does nothing. */
    static RawTerminal enter(Context ctx, boolean wanted) {
        if (!wanted || !ctx.terminal() || !TTY.canRead()) return new RawTerminal(null);
        String saved = stty("-g");
        if (saved == null || saved.isBlank()) return new RawTerminal(null);
        if (stty("raw", "-echo") == null) return new RawTerminal(null);
        return new RawTerminal(saved.strip());
    }

    /** Whether the terminal was put into raw mode. */
    boolean raw() {
        return saved != null;
    }

    /** The terminal's size now ({@code stty size}), or null when it cannot be read (no terminal, or a 0x0 one). */
    @Override
    public TerminalSize current() {
        if (saved == null) return null;
        String out = stty("size");
        if (out == null) return null;
        String[] parts = out.strip().split("\\s+");
        try {
            int rows = Integer.parseInt(parts[0]);
            int columns = Integer.parseInt(parts[1]);
            return parts.length == 2 && rows > 0 && columns > 0 ? new TerminalSize(rows, columns) : null;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Each window change (SIGWINCH) tells {@code listener} the new size, until close. */
    @Override
    public synchronized void onChange(Consumer<TerminalSize> listener) {
        if (saved == null) return;
        listeners.add(listener);
        if (previousWinch != null) return;
        try {
            previousWinch = sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> new Thread(() -> {
                TerminalSize size = current();
                if (size != null) listeners.forEach(l -> l.accept(size));
            }, "jcompose-winch").start());
        } catch (IllegalArgumentException e) {
            // no SIGWINCH on this platform: the size stays what it was at the start
        }
    }

    @Override
    public TerminalSizes sizes() {
        return this;
    }

    @Override
    public void close() {
        if (saved == null) return;
        synchronized (this) {
            listeners.clear();
            if (previousWinch != null) sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), previousWinch);
        }
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook restores it
        }
    }

    private void restore() {
        stty(saved);
    }

    /** Runs {@code stty} on the terminal; its output, or null when it failed. */
    private static String stty(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
