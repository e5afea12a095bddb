package dev.jcompose.cli;

import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.executor.ProgressListener;
import dev.jcompose.planner.plan.Action;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live view of a terminal, as docker compose draws it: a header {@code [+] Running 3/4}, then one line per
 * network, volume, image and container with a spinner while it works ({@code ✔} done, {@code !} warned, {@code ✘}
 * failed), its state, the last thing it said, and how long it took; redrawn in place (cursor moves, no scrolling)
 * on every event and ten times a second for the spinners and clocks, and left as it last was when the plan ends.
 */
final class TtyProgress implements ProgressListener {
    private static final String[] SPIN = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String GREEN = "\033[32m";
    private static final String YELLOW = "\033[33m";
    private static final String RED = "\033[31m";
    private static final String RESET = "\033[0m";

    private enum State { WORKING, DONE, WARNING, ERROR }

    private static final class Line {
        State state = State.WORKING;
        String text;
        String details = "";
        final long started;
        long ended = -1;

        Line(String text, long started) {
            this.text = text;
            this.started = started;
        }
    }

    private final PrintStream err;
    private final int width;
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private int drawn;
    private int frame;
    private Thread ticker;

    /** @param width the terminal's width in columns (lines are cut to it so that none wraps) */
    TtyProgress(PrintStream err, int width) {
        this.err = err;
        this.width = Math.max(40, width);
    }

    /** A plan begins: a new block, and the clock that animates it. */
    synchronized void begin() {
        lines.clear();
        drawn = 0;
        ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(100);
                    tick();
                }
            } catch (InterruptedException e) {
                // the plan ended
            }
        }, "jcompose-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** The plan ended: the last frame stays on the terminal. */
    void end() {
        Thread t;
        synchronized (this) {
            t = ticker;
            ticker = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (!lines.isEmpty()) draw();
        }
    }

    private synchronized void tick() {
        frame++;
        if (!lines.isEmpty()) draw();
    }

    @Override
    public synchronized void on(ProgressEvent event) {
        Action action = event.step().action();
        long now = System.nanoTime();
        Line line = lines.computeIfAbsent(action.resource(), k -> new Line(action.doing(), now));
        if (event instanceof ProgressEvent.Started) {
            line.state = State.WORKING;
            line.text = action.doing();
        } else if (event instanceof ProgressEvent.Output o) {
            line.details = o.line();
        } else if (event instanceof ProgressEvent.Completed) {
            line.state = line.state == State.WARNING ? State.WARNING : State.DONE;
            line.text = action.done();
            line.ended = now;
        } else if (event instanceof ProgressEvent.Warned w) {
            line.state = State.WARNING;
            line.details = w.message();
        } else if (event instanceof ProgressEvent.Failed f) {
            line.state = State.ERROR;
            line.text = "Error";
            line.details = f.message().lines().findFirst().orElse("");
            line.ended = now;
        }
        draw();
    }

    /** The frame as text, without the cursor moves: what {@link #draw} writes, and what a test reads. */
    synchronized List<String> frame(long now) {
        List<String> out = new ArrayList<>();
        long done = lines.values().stream().filter(l -> l.state != State.WORKING).count();
        out.add("[+] Running " + done + "/" + lines.size());
        int idWidth = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        int textWidth = lines.values().stream().mapToInt(l -> l.text.length()).max().orElse(0);
        for (Map.Entry<String, Line> e : lines.entrySet()) {
            Line l = e.getValue();
            String mark = switch (l.state) {
                case WORKING -> SPIN[frame % SPIN.length];
                case DONE -> GREEN + "✔" + RESET;
                case WARNING -> YELLOW + "!" + RESET;
                case ERROR -> RED + "✘" + RESET;
            };
            String timer = String.format(Locale.ROOT, "%.1fs", ((l.ended >= 0 ? l.ended : now) - l.started) / 1e9);
            String left = " " + mark + " " + pad(e.getKey(), idWidth) + " " + pad(l.text, textWidth);
            String details = l.details.isEmpty() ? "" : " " + l.details;
            int visible = visibleLength(left) + details.length() + 1 + timer.length();
            if (visible > width) {
                details = cut(details, Math.max(0, details.length() - (visible - width)));
                visible = visibleLength(left) + details.length() + 1 + timer.length();
            }
            out.add(left + details + " ".repeat(Math.max(1, width - visible + 1)) + timer);
        }
        return out;
    }

    private void draw() {
        List<String> text = frame(System.nanoTime());
        StringBuilder sb = new StringBuilder();
        if (drawn > 0) sb.append("\033[").append(drawn).append('A');
        for (String l : text) sb.append("\r\033[2K").append(l).append('\n');
        drawn = text.size();
        err.print(sb);
        err.flush();
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : n <= 1 ? "" : s.substring(0, n - 1) + "…";
    }

    /** The length a person sees: colour codes take no column. */
    static int visibleLength(String s) {
        return s.replaceAll("\033\\[[0-9;]*m", "").length();
    }
}
