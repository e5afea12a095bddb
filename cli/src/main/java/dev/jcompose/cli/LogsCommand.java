package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.service.ComposeService;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.planner.observed.ObservedContainer;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose logs [SERVICE...]}: what the services' containers logged, each line prefixed as attached
 * {@code up} prefixes it. Without {@code -f} it prints what is there and returns; with {@code -f} it follows until
 * every container shown has stopped (or Ctrl-C). One-off containers ({@code run}) are left out, as docker compose does.
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

    // jcompose prints no colours yet (neither here nor in attached up): accepted so that docker compose's scripts run
    @Option(names = "--no-color", description = "Produce monochrome output (jcompose's output has no colours yet)")
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
            ComposeService service = root.service(engine);
            List<ObservedContainer> containers = service.containers(project).stream()
                    .filter(c -> !c.oneoff())
                    .filter(c -> services.isEmpty() || services.contains(c.service()))
                    .filter(c -> index == 0 || c.number() == index)
                    .sorted(Comparator.comparing(ObservedContainer::name)).toList();
            return print(ctx, service, new LogPrefixes(project, containers), containers, options);
        }
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

    @SuppressWarnings("try") // the signal registration is only held for the duration of the block
    private int print(Context ctx, ComposeService service, LogPrefixes prefixes, List<ObservedContainer> containers, LogOptions options)
            throws Exception {
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        List<LogFollower> followers = new ArrayList<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        try (AutoCloseable signal = ctx.interrupts().onInterrupt(() -> {
            interrupted.set(true);
            synchronized (followers) {
                followers.forEach(LogFollower::close);
            }
        })) {
            for (ObservedContainer c : containers) {
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
            }
            // a followed log ends when its container stops; one not followed once it has been read
            for (LogFollower f : followers) f.awaitEnd(Long.MAX_VALUE);
        } finally {
            followers.forEach(LogFollower::close);
        }
        return interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
