package dev.jcompose.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The in-process half of {@code bench/inprocess.sh} (a benchmark, not a test): in one JVM, {@code up()} of a stack
 * from nothing, then {@code up()} again and again with nothing to change, each timed. Prints one line of figures.
 * Usage: {@code InProcessBench MODE RUNS PROJECT FILE...}; MODE {@code noop} (one cold up, then RUNS no-op ups after
 * as many unmeasured ones to warm up) or {@code cold} (RUNS times: up from nothing, then down).
 */
public final class InProcessBench {
    private InProcessBench() {}

    public static void main(String[] args) {
        String mode = args[0];
        int runs = Integer.parseInt(args[1]);
        String project = args[2];
        ComposeStackBuilder builder = ComposeStack.builder().projectName(project).stopTimeout(Duration.ofSeconds(1));
        for (int i = 3; i < args.length; i++) builder.file(Path.of(args[i]));
        List<Long> times = new ArrayList<>();
        if (mode.equals("cold")) {
            List<Long> overhead = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                try (ComposeStack stack = builder.build()) {
                    long t = System.nanoTime();
                    stack.up();
                    long took = System.nanoTime() - t;
                    times.add(took);
                    overhead.add(took - stack.engineNanos()); // the state reads, the plans, the waits' set-up: not the engine's work
                }
            }
            System.out.println("in-process cold up: median " + ms(median(times)) + " ms of " + runs + " " + list(times)
                    + "; jcompose's own share (up minus the plans' engine calls) median " + ms(median(overhead)) + " ms " + list(overhead));
            return;
        }
        try (ComposeStack stack = builder.build()) {
            long t = System.nanoTime();
            stack.up();
            long cold = System.nanoTime() - t;
            for (int i = 0; i < runs; i++) stack.up(); // warm-up: what a test JVM has after a few stacks
            for (int i = 0; i < runs; i++) {
                t = System.nanoTime();
                stack.up();
                times.add(System.nanoTime() - t);
            }
            System.out.println("in-process: first up " + ms(cold) + " ms; no-op up median " + ms(median(times))
                    + " ms, p90 " + ms(percentile(times, 90)) + " ms, of " + runs);
        }
    }

    private static long median(List<Long> values) {
        return percentile(values, 50);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static String list(List<Long> values) {
        return values.stream().map(InProcessBench::ms).toList().toString();
    }
}
