package dev.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedContainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose ps}: the project's containers, running ones unless {@code -a}. */
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

    @Parameters(paramLabel = "SERVICE", description = "Only these services")
    List<String> services = new ArrayList<>();

    /** --format, else the docker CLI's psFormat ($DOCKER_CONFIG/config.json or ~/.docker/config.json), else table. */
    private String effectiveFormat() {
        if (format != null) return format;
        Map<String, String> env = root.context().env();
        String dir = env.getOrDefault("DOCKER_CONFIG", env.getOrDefault("HOME", "") + "/.docker");
        try {
            java.nio.file.Path config = java.nio.file.Path.of(dir, "config.json");
            if (java.nio.file.Files.isRegularFile(config)) {
                var node = new ObjectMapper().readTree(config.toFile()).get("psFormat");
                if (node != null && node.isTextual() && !node.asText().isBlank()) return node.asText();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // an unreadable docker config is the docker CLI's concern: the default table it is
        }
        return "table";
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Context ctx = root.context();
        for (String status : statuses) {
            if (!STATES.contains(status)) {
                ctx.err().println("invalid value \"" + status + "\" for --status: expected one of " + String.join(", ", STATES));
                return ExitCodes.USAGE;
            }
        }
        // a status asks for every container in it, stopped and one-off ones too, as docker compose's --status does
        boolean every = all || !statuses.isEmpty();
        String name = root.projectNameForReading(List.of());
        List<ObservedContainer> containers;
        try (Engine engine = root.connect()) {
            containers = engine.containers(name).stream()
                    .filter(c -> !c.oneoff() || every)
                    .filter(c -> every || c.running())
                    .filter(c -> statuses.isEmpty() || statuses.contains(c.state()))
                    .filter(c -> services.isEmpty() || services.contains(c.service()))
                    .sorted(java.util.Comparator.comparing(ObservedContainer::name))
                    .toList();
        }
        if (quiet) {
            containers.forEach(c -> ctx.out().println(c.id()));
        } else if (servicesOnly) {
            new TreeSet<>(containers.stream().map(ObservedContainer::service).toList()).forEach(ctx.out()::println);
        } else if ("json".equals(effectiveFormat())) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ObservedContainer c : containers) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("ID", c.id());
                row.put("Name", c.name());
                row.put("Image", c.image());
                row.put("Command", c.command());
                row.put("Project", c.project());
                row.put("Service", c.service());
                row.put("Created", c.created());
                row.put("State", c.state());
                row.put("Status", c.status());
                row.put("Publishers", c.ports());
                rows.add(row);
            }
            ctx.out().println(new ObjectMapper().writeValueAsString(rows));
        } else if ("table".equals(effectiveFormat())) {
            ctx.out().print(PsTable.render(containers, ctx.clock().instant().getEpochSecond()));
        } else {
            try {
                ctx.out().print(PsTemplate.render(effectiveFormat(), containers, ctx.clock().instant().getEpochSecond()));
            } catch (IllegalArgumentException e) {
                ctx.err().println(e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        return ExitCodes.OK;
    }
}
