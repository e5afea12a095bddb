package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineEvent;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.planner.Labels;
import dev.jcompose.service.ComposeService;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose events [SERVICE...]}: the engine's events about the project's containers as they come, as docker
 * compose v2 prints them (one-off containers and other objects left out, as there). It ends when {@code --until}
 * has passed, or on Ctrl-C (130).
 */
@Command(name = "events", description = "Receive real time events from containers")
final class EventsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--json", description = "Output events as a stream of json objects")
    boolean json;

    @Option(names = "--since", paramLabel = "TIME", description = "Show all events created since timestamp (Unix time, a duration back such as 10m, or an RFC 3339 date)")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Stream events until this timestamp (as --since)")
    String until;

    @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all)")
    List<String> services = new ArrayList<>();

    @Override
    @SuppressWarnings("try") // the signal registration is only held for the duration of the block
    public Integer call() throws Exception {
        Context ctx = root.context();
        Instant from;
        Instant to;
        try {
            from = since == null ? null : TimeArguments.parse("--since", since, ctx.clock());
            to = until == null ? null : TimeArguments.parse("--until", until, ctx.clock());
        } catch (IllegalArgumentException e) {
            ctx.err().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        String project = root.projectNameForReading(services);
        PrintStream out = ctx.out();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<LogFollower> stream = new AtomicReference<>();
        try (Engine engine = root.connect();
             AutoCloseable signal = ctx.interrupts().onInterrupt(() -> {
                 interrupted.set(true);
                 LogFollower f = stream.get();
                 if (f != null) f.close();
             })) {
            LogFollower follower = engine.events(project, from, to, e -> {
                if (!shown(e)) return;
                EventLine line = new EventLine(e, ctx.clock().getZone());
                synchronized (out) {
                    out.println(json ? line.json() : line.text());
                    out.flush();
                }
            });
            stream.set(follower);
            if (interrupted.get()) follower.close(); // Ctrl-C came while it was being opened
            try {
                follower.awaitEnd(Long.MAX_VALUE);
            } finally {
                follower.close();
            }
        }
        return interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /** As docker compose: containers only, not one-off ones, of the services named; nor a swarm task's, as ps leaves them out. */
    private boolean shown(EngineEvent e) {
        if (!e.type().equals("container")) return false;
        if ("True".equals(e.attributes().get(Labels.ONEOFF))) return false;
        if (e.attributes().containsKey(ComposeService.SWARM_TASK_LABEL)) return false;
        return services.isEmpty() || services.contains(e.attributes().getOrDefault(Labels.SERVICE, ""));
    }
}
