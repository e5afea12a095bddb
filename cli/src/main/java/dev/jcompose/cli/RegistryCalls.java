package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.ProgressListener;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.service.Outcome;
import dev.jcompose.spec.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Pulls and pushes: each image on its own (the service layer's {@code transfer}), so one unreachable registry fails
 * its image and not the others, and the person learns that it was the registry, not jcompose, that did not answer.
 */
final class RegistryCalls {
    private RegistryCalls() {}

    /** What pull and push share: their options but one, and how their plan is run and told. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        RootCommand root;

        @Mixin
        HelpOption help;

        @Option(names = {"-q", "--quiet"}, description = "Without printing progress information")
        boolean quiet;

        @Option(names = "--dry-run", description = "Print the plan and change nothing")
        boolean dryRun;

        @Parameters(paramLabel = "SERVICE", description = "The services whose images (default: all)")
        List<String> services = new ArrayList<>();

        abstract boolean ignoreFailures();

        /** The plan of this command for these services ({@link dev.jcompose.planner.RegistryPlans}). */
        abstract Plan plan(Project project);

        @Override
        public Integer call() {
            Project all = root.load(Set.of(), services).project();
            Plan plan = plan(services.isEmpty() ? all : all.withServices(services));
            CliEvents events = quiet ? root.events().withProgress(ProgressListener.NONE) : root.events();
            if (dryRun) return events.exitCode(rootless(plan, events));
            if (plan.isEmpty()) return ExitCodes.OK;
            try (Engine engine = root.connect()) {
                Outcome outcome = root.service(engine).transfer(plan, false, events);
                if (outcome.status() == Outcome.Status.INTERRUPTED) return events.exitCode(outcome);
                for (String message : outcome.errors()) {
                    if (ignoreFailures()) events.warning(message + hint(message));
                    else events.error(message + hint(message));
                }
                return !outcome.errors().isEmpty() && !ignoreFailures() ? ExitCodes.FAILED : ExitCodes.OK;
            }
        }

        /** A dry run needs no engine: the plan is shown as it is. */
        private static Outcome rootless(Plan plan, CliEvents events) {
            plan.warnings().forEach(events::warning);
            events.dryRun(plan);
            return Outcome.OK;
        }
    }

    /** Registries that cannot be reached fail deep in the engine; say in plain words what that means. */
    static String hint(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("dial tcp") || m.contains("lookup") || m.contains("no such host") || m.contains("connection refused")
                || m.contains("i/o timeout") || m.contains("request canceled")) {
            return "\n  (no image registry answers from this engine: images have to be made locally here, see scripts/base-images.sh)";
        }
        return "";
    }
}
