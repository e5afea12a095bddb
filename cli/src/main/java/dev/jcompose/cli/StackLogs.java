package dev.jcompose.cli;

import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.service.swarm.StackNames;
import dev.jcompose.service.swarm.StackService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code logs} of a project deployed as a stack: each service's logs through the engine ({@code docker service logs}),
 * every task's lines prefixed {@code app.1@node  | } (the compose service, the task's slot or, for a global service,
 * its node's id, and the node it ran on), aligned. {@code -f} follows until Ctrl-C, as {@code docker service logs -f}.
 */
final class StackLogs {
    private final Context ctx;
    private final StackService stacks;
    private final String namespace;

    StackLogs(Context ctx, StackService stacks, String namespace) {
        this.ctx = ctx;
        this.stacks = stacks;
        this.namespace = namespace;
    }

    /**
     * @param services the compose services asked for, or empty for all
     * @param slot     the task slot ({@code --index}), 0 for all
     */
    @SuppressWarnings("try") // the signal registration is only held for the duration of the block
    int print(List<String> services, int slot, LogOptions options, boolean prefix) throws Exception {
        ObservedSwarm swarm = stacks.observe(namespace);
        Map<String, String> prefixes = new HashMap<>();
        List<SwarmService> shown = new ArrayList<>();
        int width = 0;
        for (SwarmService s : swarm.services()) {
            String compose = StackNames.composeName(namespace, s);
            if (!services.isEmpty() && !services.contains(compose)) continue;
            shown.add(s);
            for (SwarmTask t : swarm.tasksOf(s.id())) {
                String p = compose + "." + StackNames.slotOrNode(t) + (t.nodeHostname() != null ? "@" + t.nodeHostname() : "");
                prefixes.put(t.id(), p);
                width = Math.max(width, p.length());
            }
        }
        int pad = width;
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        List<LogFollower> followers = new ArrayList<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        Object ended = new Object();
        try (AutoCloseable signal = ctx.interrupts().onInterrupt(() -> {
            interrupted.set(true);
            synchronized (followers) {
                followers.forEach(LogFollower::close);
            }
            synchronized (ended) {
                ended.notifyAll();
            }
        })) {
            for (SwarmService s : shown) {
                LogFollower f = stacks.logs(s.name(), options, line -> {
                    SwarmTask task = swarm.tasks().stream().filter(t -> t.id().equals(line.taskId())).findFirst().orElse(null);
                    if (slot != 0 && (task == null || task.slot() == null || task.slot() != slot)) return;
                    // a task that started after the listing has no prefix yet: its id stands in for it
                    String p = prefixes.getOrDefault(line.taskId(), StackNames.composeName(namespace, s) + "." + line.taskId());
                    String text = prefix ? String.format("%-" + Math.max(pad, p.length()) + "s  | %s", p, line.line().text()) : line.line().text();
                    synchronized (out) {
                        (line.line().stream() == LogLine.Stream.STDERR ? err : out).println(text);
                    }
                });
                synchronized (followers) {
                    followers.add(f);
                }
            }
            if (interrupted.get()) followers.forEach(LogFollower::close);
            for (LogFollower f : List.copyOf(followers)) f.awaitEnd(Long.MAX_VALUE);
        } finally {
            synchronized (followers) {
                followers.forEach(LogFollower::close);
            }
        }
        return interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
