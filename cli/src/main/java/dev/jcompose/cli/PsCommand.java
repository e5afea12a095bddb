package dev.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.service.swarm.StackService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose ps}: the project's containers, running ones unless {@code -a}; for a project deployed as a stack on
 * this engine's swarm, its tasks as {@code docker stack ps} lists them ({@link StackTasks}).
 */
@Command(name = "ps", description = "List containers")
final class PsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-a", "--all"}, description = "Show all stopped containers too")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Option(names = "--services", description = "Display services")
    boolean servicesOnly;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table (default), json, or a template such as 'table {{.Name}}\\t{{.Status}}'; default: psFormat of the docker CLI's config.json, else table")
    String format;

    /** The engine's container states, which {@code --status} picks from. */
    private static final List<String> STATES = List.of("created", "restarting", "running", "removing", "paused", "exited", "dead");

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only containers in this state (repeatable): created, restarting, running, removing, paused, exited, dead")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "KEY=VALUE", description = "Filter services by a property (supported filters: status)")
    String filter;

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    // docker compose's boolean flag with a default of true: --orphans=false turns it off
    @Option(names = "--orphans", arity = "0..1", defaultValue = "true", fallbackValue = "true", paramLabel = "BOOL",
            description = "Include orphaned services (not declared by project; default: true)")
    boolean orphans = true;

    @Parameters(paramLabel = "SERVICE", description = "Only these services")
    List<String> services = new ArrayList<>();

    /** --format, else the docker CLI's psFormat ($DOCKER_CONFIG/config.json or ~/.docker/config.json), else table. */
    private String effectiveFormat() {
        if (format != null) return format;
        Map<String, String> env = root.context().env();
        String dir = env.getOrDefault("DOCKER_CONFIG", env.getOrDefault("HOME", "") + "/.docker");
        try {
            Path config = Path.of(dir, "config.json");
            if (Files.isRegularFile(config)) {
                var node = new ObjectMapper().readTree(config.toFile()).get("psFormat");
                if (node != null && node.isTextual() && !node.asText().isBlank()) return node.asText();
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable docker config is the docker CLI's concern: the default table it is
        }
        return "table";
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Context ctx = root.context();
        List<String> wanted = new ArrayList<>(statuses);
        if (filter != null) {
            int eq = filter.indexOf('=');
            if (eq < 0) {
                ctx.err().println("arguments to --filter should be in form KEY=VAL");
                return ExitCodes.USAGE;
            }
            String key = filter.substring(0, eq);
            if (key.equals("source")) {
                // docker compose accepts the key and answers "not implemented": there is nothing to copy
                ctx.err().println("--filter source is not implemented (docker compose does not implement it either)");
                return ExitCodes.USAGE;
            }
            if (!key.equals("status")) {
                ctx.err().println("unknown filter " + key + " (supported filters: status)");
                return ExitCodes.USAGE;
            }
            wanted.add(filter.substring(eq + 1));
        }
        for (String status : wanted) {
            if (!STATES.contains(status)) {
                ctx.err().println("invalid value \"" + status + "\" for --status: expected one of " + String.join(", ", STATES));
                return ExitCodes.USAGE;
            }
        }
        // a status asks for every container in it, stopped and one-off ones too, as docker compose's --status does
        boolean every = all || !wanted.isEmpty();
        ProjectScope scope = ProjectScope.of(root, services);
        String name = scope.name();
        // without --orphans, only the services the file declares, as docker compose (nothing to compare with -p alone)
        // null: every service's containers
        List<String> shown = !services.isEmpty() ? services : !orphans ? scope.services() : null;
        List<ObservedContainer> containers;
        List<StackTasks.Row> tasks = null;
        try (Engine engine = root.connect()) {
            StackService stacks = root.stacks(engine);
            if (stacks.deployed(name)) {
                String unsupported = !wanted.isEmpty() ? "--status/--filter" : !orphans ? "--orphans=false"
                        : !List.of("table", "json").contains(effectiveFormat()) ? "--format TEMPLATE" : null;
                if (unsupported != null) {
                    ctx.err().println(unsupported + " applies to containers, and project " + name
                            + " is deployed as a stack: its tasks are listed with -a, -q, --services, --format table|json, --no-trunc");
                    return ExitCodes.USAGE;
                }
                tasks = StackTasks.rows(name, stacks.observe(name), all, services);
            }
            containers = root.service(engine).containers(name).stream()
                    .filter(c -> !c.oneoff() || every)
                    .filter(c -> every || c.running())
                    .filter(c -> wanted.isEmpty() || wanted.contains(c.state()))
                    .filter(c -> shown == null || shown.contains(c.service()))
                    .sorted(Comparator.comparing(ObservedContainer::name))
                    .toList();
        }
        if (tasks != null) return printStack(ctx, containers, tasks);
        if (quiet) {
            containers.forEach(c -> ctx.out().println(c.id()));
        } else if (servicesOnly) {
            new TreeSet<>(containers.stream().map(ObservedContainer::service).toList()).forEach(ctx.out()::println);
        } else if ("json".equals(effectiveFormat())) {
            ctx.out().print(PsJson.lines(containers));
        } else if ("table".equals(effectiveFormat())) {
            ctx.out().print(PsTable.render(containers, ctx.clock().instant().getEpochSecond(), !noTrunc));
        } else {
            try {
                ctx.out().print(PsTemplate.render(effectiveFormat(), containers, ctx.clock().instant().getEpochSecond(), !noTrunc));
            } catch (IllegalArgumentException e) {
                ctx.err().println(e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        return ExitCodes.OK;
    }

    /** A stack's tasks, after the project's own containers when it has any (as compose lists them). */
    private int printStack(Context ctx, List<ObservedContainer> containers, List<StackTasks.Row> tasks) throws JsonProcessingException {
        boolean json = "json".equals(effectiveFormat());
        if (quiet) {
            containers.forEach(c -> ctx.out().println(c.id()));
            tasks.forEach(t -> ctx.out().println(t.task().id()));
        } else if (servicesOnly) {
            TreeSet<String> names = new TreeSet<>(containers.stream().map(ObservedContainer::service).toList());
            tasks.forEach(t -> names.add(t.composeService(t.service().labels().getOrDefault(StackLabels.NAMESPACE, ""))));
            names.forEach(ctx.out()::println);
        } else if (json) {
            ctx.out().print(PsJson.lines(containers));
            ctx.out().print(StackTasks.json(tasks, !noTrunc));
        } else {
            if (!containers.isEmpty()) {
                ctx.out().print(PsTable.render(containers, ctx.clock().instant().getEpochSecond(), !noTrunc));
                ctx.out().println();
            }
            ctx.out().print(StackTasks.table(tasks, !noTrunc));
        }
        return ExitCodes.OK;
    }
}
