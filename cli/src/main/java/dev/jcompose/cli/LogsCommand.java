package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.swarm.StackService;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose logs [SERVICE...]}: what the services' containers logged, each line prefixed as attached
 * {@code up} prefixes it. Without {@code -f} it prints what is there and returns; with {@code -f} it follows, picks up
 * the containers that start later, and ends once every one it follows has stopped (or at Ctrl-C). One-off containers ({@code run}) are left out, as docker compose does.
 * A project deployed as a stack on this engine's swarm shows its services' logs instead ({@link StackLogs}).
 */
@Command(name = "logs", description = "View output from containers")
final class LogsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-f", "--follow"}, description = "Follow log output")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Number of lines to show from the end of the logs for each container, or all (default: all)")
    String tail = "all";

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
    boolean timestamps;

    @Option(names = "--since", paramLabel = "TIME", description = "Show logs since a timestamp (e.g. 2024-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Show logs before a timestamp (e.g. 2024-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
    String until;

    @Option(names = "--no-color", description = "Produce monochrome output")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
    boolean noLogPrefix;

    @Option(names = "--index", paramLabel = "N", description = "Index of the container if the service has several (default: all of them)")
    int index;

    @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all)")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Context ctx = root.context();
        LogOptions options;
        try {
            options = options(ctx);
        } catch (IllegalArgumentException e) {
            ctx.err().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        if (index != 0 && services.size() != 1) {
            ctx.err().println("--index needs exactly one service");
            return ExitCodes.USAGE;
        }
        String project = root.projectNameForReading(services);
        try (Engine engine = root.connect()) {
            StackService stacks = root.stacks(engine);
            if (stacks.deployed(project)) {
                if (until != null) {
                    // the Engine API's service logs have no end time
                    ctx.err().println("--until applies to containers, and project " + project + " is deployed as a stack (service logs take no end time)");
                    return ExitCodes.USAGE;
                }
                return new StackLogs(ctx, stacks, project).print(services, index, options, !noLogPrefix);
            }
            ComposeService service = root.service(engine);
            List<ObservedContainer> containers = shown(service, project);
            return print(ctx, service, project, containers, options);
        }
    }

    /** The containers this command shows: the services' own (no one-offs), by name. */
    private List<ObservedContainer> shown(ComposeService service, String project) {
        return service.containers(project).stream()
                .filter(c -> !c.oneoff())
                .filter(c -> services.isEmpty() || services.contains(c.service()))
                .filter(c -> index == 0 || c.number() == index)
                .sorted(Comparator.comparing(ObservedContainer::name)).toList();
    }

    private LogOptions options(Context ctx) {
        Integer lines = null;
        if (!tail.equals("all")) {
            try {
                lines = Integer.parseInt(tail);
            } catch (NumberFormatException e) {
                lines = -1;
            }
            if (lines < 0) throw new IllegalArgumentException("invalid value \"" + tail + "\" for --tail: expected a number of lines or all");
        }
        Instant from = since == null ? null : TimeArguments.parse("--since", since, ctx.clock());
        Instant to = until == null ? null : TimeArguments.parse("--until", until, ctx.clock());
        return new LogOptions(follow, lines, from, to, timestamps);
    }

    /** Prefixes in colour: when ANSI is on ({@code --ansi}, a terminal) and not {@code --no-color}. */
    private boolean coloured() {
        return !noColor && root.modes().ansi();
    }

    /** How often {@code -f} looks for containers that started after it did. */
    static final long NEW_CONTAINER_POLL_MILLIS = 500;

    @SuppressWarnings("try") // the signal registration is only held for the duration of the block
    private int print(Context ctx, ComposeService service, String project, List<ObservedContainer> containers, LogOptions options)
            throws Exception {
        List<LogFollower> followers = new ArrayList<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        Object ended = new Object();
        // the containers followed, and for those whose stream ended, when: one started again is followed from then on
        Map<String, Instant> followed = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        // what ended a followed stream other than its container's end (the engine went away): the command's error
        AtomicReference<EngineException> failure = new AtomicReference<>();
        try (AutoCloseable signal = ctx.interrupts().onInterrupt(() -> {
            interrupted.set(true);
            synchronized (followers) {
                followers.forEach(LogFollower::close);
            }
            synchronized (ended) {
                ended.notifyAll();
            }
        })) {
            LogPrefixes prefixes = new LogPrefixes(project, containers, coloured());
            for (ObservedContainer c : containers) {
                follow(ctx, service, c, prefixes, options, followers, running, ended, interrupted, followed, failure);
            }
            if (!follow) {
                for (LogFollower f : List.copyOf(followers)) f.awaitEnd(Long.MAX_VALUE);
            } else {
                // as docker compose: containers that start later are followed too (their whole log), and the command
                // ends once every container it follows has stopped and no other has started
                while (!interrupted.get()) {
                    synchronized (ended) {
                        if (running.get() > 0) ended.wait(NEW_CONTAINER_POLL_MILLIS);
                    }
                    if (interrupted.get()) break;
                    if (failure.get() != null) throw failure.get();
                    List<ObservedContainer> now = shown(service, project);
                    List<ObservedContainer> started = now.stream()
                            .filter(c -> c.running() && (!followed.containsKey(c.name()) || followed.get(c.name()) != Instant.MIN))
                            .toList();
                    if (!started.isEmpty()) {
                        LogPrefixes wider = new LogPrefixes(project, now, coloured());
                        for (ObservedContainer c : started) {
                            // a new container's whole log; a restarted one's from the moment its last stream ended
                            Instant from = followed.get(c.name());
                            LogOptions next = new LogOptions(true, null, from, options.until(), options.timestamps());
                            follow(ctx, service, c, wider, next, followers, running, ended, interrupted, followed, failure);
                        }
                    } else if (running.get() == 0) {
                        break;
                    }
                }
            }
        } finally {
            synchronized (followers) {
                followers.forEach(LogFollower::close);
            }
        }
        return interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /**
     * Streams one container's log; {@code running} counts the streams that have not ended, {@code ended} is told when
     * one does, and {@code followed} holds {@link Instant#MIN} for a container while its stream lasts, then its end.
     */
    private void follow(Context ctx, ComposeService service, ObservedContainer c, LogPrefixes prefixes, LogOptions options,
                        List<LogFollower> followers, AtomicInteger running, Object ended, AtomicBoolean interrupted,
                        Map<String, Instant> followed, AtomicReference<EngineException> failure) {
        followed.put(c.name(), Instant.MIN); // being followed
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        String prefix = noLogPrefix ? "" : prefixes.of(c);
        // each line on the stream it came on, as docker compose prints them; one lock, so lines never interleave
        LogFollower follower = service.logs(c.name(), options, line -> {
            synchronized (out) {
                (line.stream() == LogLine.Stream.STDERR ? err : out).println(prefix + line.text());
            }
        });
        synchronized (followers) {
            followers.add(follower);
        }
        if (interrupted.get()) follower.close(); // Ctrl-C came while it was being opened
        if (!follow) return;
        running.incrementAndGet();
        Thread waiter = new Thread(() -> {
            try {
                follower.awaitEnd(Long.MAX_VALUE);
            } catch (EngineException e) {
                failure.compareAndSet(null, e); // told by the main thread, not as this thread's stack trace
            }
            followed.put(c.name(), ctx.clock().instant());
            running.decrementAndGet();
            synchronized (ended) {
                ended.notifyAll();
            }
        }, "jcompose-logs-" + c.name());
        waiter.setDaemon(true);
        waiter.start();
    }
}
