package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedContainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose top [SERVICE...]}: the processes of each running container of the services, in name order, as
 * docker compose v2 prints them (the name, then the engine's table). One-off containers are left out, as there.
 */
@Command(name = "top", description = "Display the running processes")
final class TopCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SERVICE", description = "Only these services")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        Context ctx = root.context();
        String project = root.projectNameForReading(services);
        try (Engine engine = root.connect()) {
            List<ObservedContainer> containers = root.service(engine).containers(project).stream()
                    .filter(c -> !c.oneoff() && c.running())
                    .filter(c -> services.isEmpty() || services.contains(c.service()))
                    .sorted(Comparator.comparing(ObservedContainer::name)).toList();
            for (ObservedContainer c : containers) {
                // one container at a time, as it comes: a long list shows its first tables at once
                String table = TopTable.render(engine.top(c.name()));
                ctx.out().print(c.name() + "\n" + table);
            }
        }
        return ExitCodes.OK;
    }
}
