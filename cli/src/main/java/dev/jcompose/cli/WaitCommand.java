package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.spec.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose wait SERVICE...}: blocks until the first of their containers stops, and exits with its code. */
@Command(name = "wait", description = "Block until the first service container stops")
final class WaitCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SERVICE", arity = "1..*", description = "The services to wait for")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Project project = root.load(Set.of(), services).project().withServices(services);
        try (Engine engine = root.connect()) {
            List<ObservedContainer> containers = root.service(engine).containers(project.name()).stream()
                    .filter(c -> !c.oneoff() && project.services().containsKey(c.service())).toList();
            if (containers.isEmpty()) {
                root.context().err().println("no containers of " + String.join(", ", services) + " to wait for");
                return ExitCodes.FAILED;
            }
            ExecutorService pool = Executors.newFixedThreadPool(containers.size(), r -> {
                Thread t = new Thread(r, "jcompose-wait");
                t.setDaemon(true);
                return t;
            });
            try {
                ExecutorCompletionService<Integer> first = new ExecutorCompletionService<>(pool);
                for (ObservedContainer c : containers) first.submit(() -> engine.waitContainer(c.name()));
                return first.take().get();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
