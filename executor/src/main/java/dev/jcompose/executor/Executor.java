package dev.jcompose.executor;

import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan's DAG: each step once all it comes after have completed, independent steps in parallel on a
 * bounded pool that lives for one run. The first failure stops new work from being scheduled; what was running
 * finishes, the rest is reported as skipped. Events reach the listener from the calling thread only.
 */
public final class Executor {
    private final Engine engine;
    private final int parallelism;

    public Executor(Engine engine, int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
        this.engine = engine;
        this.parallelism = parallelism;
    }

    /** What the workers send the executor's thread: a finished step, or a line a running one printed. */
    private sealed interface Message permits Outcome, Line {}

    private record Outcome(Step step, Throwable error, String warning) implements Message {}

    private record Line(Step step, String text) implements Message {}

    public ExecutionReport execute(Plan plan, ProgressListener listener) {
        Map<Integer, Step> byId = new LinkedHashMap<>();
        Map<Integer, Integer> waitingOn = new HashMap<>();
        Map<Integer, List<Step>> dependents = new HashMap<>();
        Deque<Step> ready = new ArrayDeque<>();
        for (Step s : plan.steps()) {
            byId.put(s.id(), s);
            waitingOn.put(s.id(), s.after().size());
            for (int dep : s.after()) dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(s);
            if (s.after().isEmpty()) ready.add(s);
        }
        List<Step> completed = new ArrayList<>();
        Map<Step, String> failed = new LinkedHashMap<>();
        BlockingQueue<Message> outcomes = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, threads());
        boolean interrupted = false;
        int running = 0;
        try {
            while (true) {
                while (failed.isEmpty() && !interrupted && !ready.isEmpty() && running < parallelism) {
                    Step step = ready.poll();
                    listener.on(new ProgressEvent.Started(step));
                    running++;
                    pool.execute(() -> {
                        try {
                            outcomes.add(new Outcome(step, null, ActionRunner.run(engine, step.action(),
                                    line -> outcomes.add(new Line(step, line)))));
                        } catch (Throwable e) {
                            // anything a step throws (an Error too) is its outcome: the loop below waits for one per step
                            outcomes.add(new Outcome(step, e, null));
                        }
                    });
                }
                if (running == 0) break;
                Message received;
                try {
                    received = outcomes.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                    Thread.currentThread().interrupt();
                    break;
                }
                if (received instanceof Line line) {
                    listener.on(new ProgressEvent.Output(line.step(), line.text()));
                    continue;
                }
                Outcome outcome = (Outcome) received;
                running--;
                if (outcome.error() != null) {
                    String message = outcome.error().getMessage() == null ? outcome.error().toString() : outcome.error().getMessage();
                    failed.put(outcome.step(), message);
                    listener.on(new ProgressEvent.Failed(outcome.step(), message));
                    continue;
                }
                completed.add(outcome.step());
                // a step that warned did not do what its "done" word says (the network stayed, the dependency failed)
                listener.on(outcome.warning() != null ? new ProgressEvent.Warned(outcome.step(), outcome.warning())
                        : new ProgressEvent.Completed(outcome.step()));
                for (Step next : dependents.getOrDefault(outcome.step().id(), List.of())) {
                    if (waitingOn.merge(next.id(), -1, Integer::sum) == 0) ready.add(next);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // by id: a step's equals and hashCode are its records' generated ones, deep and linked at first use
        Set<Integer> finished = new HashSet<>();
        for (Step s : completed) finished.add(s.id());
        for (Step s : failed.keySet()) finished.add(s.id());
        List<Step> skipped = new ArrayList<>();
        for (Step s : byId.values()) {
            if (!finished.contains(s.id())) {
                skipped.add(s);
                listener.on(new ProgressEvent.Skipped(s));
            }
        }
        return new ExecutionReport(completed, failed, skipped, interrupted);
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "jcompose-exec-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
