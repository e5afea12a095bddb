package dev.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedContainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose stats [SERVICE]}: the resource use of the project's containers (one-off ones too, as docker compose
 * passes the project's label to the docker CLI's stats), in docker's columns. {@code --no-stream} prints it once;
 * otherwise it is read again once the last reading is in and a second has passed (the engine takes about a second
 * for each, to have a sample before) and printed again, over the last one on a terminal, until Ctrl-C (130).
 */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table (default), table TEMPLATE, json, or a template such as '{{.Name}}: {{.CPUPerc}}'")
    String format = "table";

    @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first result")
    boolean noStream;

    @Option(names = "--no-trunc", description = "Do not truncate output")
    boolean noTrunc;

    @Parameters(arity = "0..1", paramLabel = "SERVICE", description = "Only this service")
    String service;

    private static final long ONE_SECOND = TimeUnit.SECONDS.toNanos(1);

    /** ANSI: clear the screen and go to its top, as the docker CLI redraws on a terminal. */
    private static final String REDRAW = "\033[2J\033[H";

    @Override
    @SuppressWarnings("try") // the signal registration is only held for the duration of the block
    public Integer call() throws Exception {
        Context ctx = root.context();
        String template = format.equals("table") ? StatsRow.TABLE : format;
        RowTemplate<StatsRow> rows = new RowTemplate<>(StatsRow.fields(!noTrunc), StatsRow::header);
        if (!format.equals("json")) {
            try {
                rows.render(template, List.of()); // an unknown field is a usage error before anything is read
            } catch (IllegalArgumentException e) {
                ctx.err().println(e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        String project = root.projectNameForReading(service == null ? List.of() : List.of(service));
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch stop = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "jcompose-stats");
            t.setDaemon(true);
            return t;
        });
        try (Engine engine = root.connect(); AutoCloseable signal = ctx.interrupts().onInterrupt(() -> {
            interrupted.set(true);
            stop.countDown();
            pool.shutdownNow();
        })) {
            do {
                long started = System.nanoTime();
                List<StatsRow> read = read(engine, project, pool);
                if (interrupted.get()) break;
                String text = format.equals("json") ? json(read) : rows.render(template, read);
                synchronized (ctx.out()) {
                    if (!noStream && ctx.terminal()) ctx.out().print(REDRAW);
                    ctx.out().print(text);
                    ctx.out().flush();
                }
                // a round a second at most: with nothing to read (no container running) it would spin
                if (!noStream) stop.await(Math.max(0, ONE_SECOND - (System.nanoTime() - started)), TimeUnit.NANOSECONDS);
            } while (!noStream && !interrupted.get());
        } finally {
            pool.shutdownNow();
        }
        return interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /** One reading of every container shown, all at once (each takes the engine a second), in name order. */
    private List<StatsRow> read(Engine engine, String project, ExecutorService pool) throws InterruptedException {
        List<ObservedContainer> containers = root.service(engine).containers(project).stream()
                .filter(c -> all || c.running())
                .filter(c -> service == null || c.service().equals(service))
                .sorted(Comparator.comparing(ObservedContainer::name)).toList();
        List<Future<StatsRow>> pending = new ArrayList<>();
        try {
            for (ObservedContainer c : containers) pending.add(pool.submit(() -> StatsRow.of(engine.stats(c.name()))));
        } catch (RejectedExecutionException e) {
            return List.of(); // Ctrl-C shut the pool
        }
        List<StatsRow> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            try {
                out.add(pending.get(i).get());
            } catch (CancellationException e) {
                return List.of();
            } catch (ExecutionException e) {
                if (pool.isShutdown()) return List.of(); // Ctrl-C stopped the reading
                String name = containers.get(i).name();
                // a container removed meanwhile has no stats: left out, as the docker CLI drops it; any other failure is told
                boolean gone = root.service(engine).containers(project).stream().noneMatch(c -> c.name().equals(name));
                if (gone) continue;
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    private String json(List<StatsRow> rows) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        for (StatsRow r : rows) sb.append(mapper.writeValueAsString(r.json(!noTrunc))).append('\n');
        return sb.toString();
    }
}
