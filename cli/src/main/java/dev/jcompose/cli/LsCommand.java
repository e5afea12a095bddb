package dev.jcompose.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.Engine;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.observed.TaskState;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.swarm.StackService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose ls}: the compose projects on the engine (by label), running ones unless {@code --all}; and the
 * projects deployed as stacks on its swarm, their status counted over the tasks meant to run (those of every node).
 */
@Command(name = "ls", description = "List running compose projects")
final class LsCommand implements Callable<Integer> {
    enum Format { table, json }

    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-a", "--all"}, description = "Show all stopped Compose projects")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display project names")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json")
    Format format = Format.table;

    @Option(names = "--filter", paramLabel = "name=REGEX", description = "Filter output based on conditions provided (repeatable; supported: name, matched whole or as a regular expression)")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Context ctx = root.context();
        List<Pattern> names = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq < 0) {
                ctx.err().println("bad format of filter (expected name=value): " + f);
                return ExitCodes.USAGE;
            }
            if (!f.substring(0, eq).equals("name")) {
                ctx.err().println("invalid filter '" + f.substring(0, eq) + "' (supported: name)");
                return ExitCodes.USAGE;
            }
            String value = f.substring(eq + 1);
            exact.add(value);
            try {
                names.add(Pattern.compile(value));
            } catch (PatternSyntaxException e) {
                // docker compose passes over a value that is no regular expression: it can still match exactly
            }
        }
        SortedMap<String, List<ObservedContainer>> byProject = new TreeMap<>();
        // a stack's tasks, counted by their current state, in place of their containers (which only this node has)
        SortedMap<String, SortedMap<String, Integer>> stackStates = new TreeMap<>();
        try (Engine engine = root.connect()) {
            for (ObservedContainer c : engine.allProjectContainers()) {
                if (!ComposeService.swarmTask(c)) byProject.computeIfAbsent(c.project(), k -> new ArrayList<>()).add(c);
            }
            StackService stacks = root.stacks(engine);
            for (String namespace : stacks.namespaces()) {
                SortedMap<String, Integer> states = new TreeMap<>();
                ObservedSwarm swarm = stacks.observe(namespace);
                for (SwarmTask t : swarm.tasks()) {
                    if (t.desiredState() == TaskState.RUNNING || t.desiredState() == TaskState.COMPLETE) states.merge(t.state().key(), 1, Integer::sum);
                }
                stackStates.put(namespace, states);
                byProject.computeIfAbsent(namespace, k -> new ArrayList<>());
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<ObservedContainer>> p : byProject.entrySet()) {
            SortedMap<String, Integer> states = new TreeMap<>(stackStates.getOrDefault(p.getKey(), new TreeMap<>()));
            TreeSet<String> files = new TreeSet<>();
            for (ObservedContainer c : p.getValue()) {
                states.merge(c.state(), 1, Integer::sum);
                String f = c.labels().get(Labels.CONFIG_FILES);
                if (f != null && !f.isEmpty()) files.add(f);
            }
            if (!all && !states.containsKey("running")) continue;
            // as docker compose: the name itself, or a regular expression found anywhere in it
            if (!filters.isEmpty() && !exact.contains(p.getKey()) && names.stream().noneMatch(r -> r.matcher(p.getKey()).find())) continue;
            Map<String, String> row = new LinkedHashMap<>();
            row.put("Name", p.getKey());
            List<String> status = new ArrayList<>();
            states.forEach((state, n) -> status.add(state + "(" + n + ")"));
            row.put("Status", String.join(", ", status));
            row.put("ConfigFiles", String.join(",", files));
            rows.add(row);
        }
        if (quiet) {
            rows.forEach(r -> ctx.out().println(r.get("Name")));
        } else if (format == Format.json) {
            ctx.out().println(new ObjectMapper().writeValueAsString(rows));
        } else {
            List<String[]> table = new ArrayList<>();
            table.add(new String[] {"NAME", "STATUS", "CONFIG FILES"});
            for (Map<String, String> r : rows) table.add(new String[] {r.get("Name"), r.get("Status"), r.get("ConfigFiles")});
            ctx.out().print(Columns.align(table));
        }
        return ExitCodes.OK;
    }
}
