package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.Planner;
import dev.jcompose.planner.Selection;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.spec.model.Project;
import java.io.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stop}, {@code start} and {@code restart}: act on existing containers, in (reverse) dependency order. */
final class LifecycleCommands {
    private LifecycleCommands() {}

    /** What every lifecycle command has: the root's options, --help, --dry-run and service names (picocli inherits them). */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        RootCommand root;

        @Mixin
        HelpOption help;

        @Mixin
        Targets targets;
    }

    /** What every lifecycle command takes besides its own options: {@code --dry-run} and service names. */
    static final class Targets {
        @Option(names = "--dry-run", description = "Print the plan and change nothing")
        boolean dryRun;

        @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all)")
        List<String> services = new ArrayList<>();
    }

    /** Loads the project with the named services enabled, and runs the plan {@code planner} makes of it. */
    static int run(RootCommand root, List<String> services, boolean withDependencies, boolean dryRun,
                   BiFunction<Project, ObservedState, Plan> planner) {
        Project loaded = root.load(Set.of(), services).project();
        Project project = services.isEmpty() ? loaded
                : withDependencies ? Selection.withDependencies(loaded, services) : loaded.withServices(services);
        try (Engine engine = root.connect()) {
            return root.events().exitCode(root.service(engine).change(project, o -> planner.apply(project, o), dryRun, root.events()));
        }
    }

    @Command(name = "stop", description = "Stop services")
    static final class Stop extends Base {
        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Shutdown timeout in seconds (default: the service's stop_grace_period, else 10)")
        // no -t: the engine takes each container's own stop timeout (stop_grace_period), as docker compose leaves it
        int timeout = Action.StopContainer.OWN_TIMEOUT;

        @Override
        public Integer call() {
            return run(root, targets.services, false, targets.dryRun, (p, o) -> Planner.stop(p, o, timeout));
        }
    }

    @Command(name = "start", description = "Start services")
    static final class Start extends Base {
        @Override
        public Integer call() {
            return run(root, targets.services, true, targets.dryRun, Planner::start);
        }
    }

    @Command(name = "restart", description = "Restart service containers")
    static final class Restart extends Base {
        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Shutdown timeout in seconds (default: the service's stop_grace_period, else 10)")
        // no -t: the engine takes each container's own stop timeout (stop_grace_period), as docker compose leaves it
        int timeout = Action.StopContainer.OWN_TIMEOUT;

        @Override
        public Integer call() {
            return run(root, targets.services, false, targets.dryRun, (p, o) -> Planner.restart(p, o, timeout));
        }
    }

    @Command(name = "pause", description = "Pause services")
    static final class Pause extends Base {
        @Override
        public Integer call() {
            return run(root, targets.services, false, targets.dryRun, Planner::pause);
        }
    }

    @Command(name = "unpause", description = "Unpause services")
    static final class Unpause extends Base {
        @Override
        public Integer call() {
            return run(root, targets.services, false, targets.dryRun, Planner::unpause);
        }
    }

    @Command(name = "rm", description = "Removes stopped service containers")
    static final class Rm extends Base {
        @Option(names = {"-f", "--force"}, description = "Don't ask to confirm removal")
        boolean force;

        @Option(names = {"-s", "--stop"}, description = "Stop the containers, if required, before removing")
        boolean stop;

        @Option(names = {"-v", "--volumes"}, description = "Remove any anonymous volumes attached to containers")
        boolean volumes;

        @Override
        public Integer call() {
            Context ctx = root.context();
            return run(root, targets.services, false, targets.dryRun, (project, observed) -> {
                Plan plan = Planner.rm(project, observed, stop, volumes, Action.StopContainer.OWN_TIMEOUT);
                if (plan.isEmpty()) {
                    ctx.err().println("No stopped containers");
                    return plan;
                }
                if (force || targets.dryRun) return plan;
                // Without --force, ask as docker compose does; where nobody can answer (CI, a pipe), remove nothing.
                Console console = System.console();
                String names = plan.steps().stream().filter(s -> s.action() instanceof Action.RemoveContainer)
                        .map(s -> s.action().resource().replace("Container ", "")).collect(Collectors.joining(", "));
                String answer = console == null ? null : console.readLine("Going to remove %s%nAre you sure? [y/N] ", names);
                if (answer != null && answer.strip().toLowerCase().startsWith("y")) return plan;
                ctx.err().println(console == null ? "rm would remove " + names + ": pass --force to confirm (no terminal to ask on)" : "Nothing removed");
                return new Plan(List.of(), List.of());
            });
        }
    }
}
