package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.ExecutionReport;
import dev.jcompose.executor.Executor;
import dev.jcompose.executor.ProgressListener;
import dev.jcompose.planner.plan.Plan;

/**
 * Pulls and pushes: each image on its own, so one unreachable registry fails its image and not the others, and the
 * person learns that it was the registry, not jcompose, that did not answer.
 */
final class RegistryCalls {
    private RegistryCalls() {}

    /** What pull and push share: their options but one, and the selection of the services' images. */
    abstract static class Base implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        RootCommand root;

        @picocli.CommandLine.Mixin
        HelpOption help;

        @picocli.CommandLine.Option(names = {"-q", "--quiet"}, description = "Without printing progress information")
        boolean quiet;

        @picocli.CommandLine.Option(names = "--dry-run", description = "Print the plan and change nothing")
        boolean dryRun;

        @picocli.CommandLine.Parameters(paramLabel = "SERVICE", description = "The services whose images (default: all)")
        java.util.List<String> services = new java.util.ArrayList<>();

        abstract boolean ignoreFailures();

        /** The images of one service this command works on. */
        abstract java.util.List<String> images(dev.jcompose.spec.model.Project project, dev.jcompose.spec.model.Service service);

        abstract dev.jcompose.planner.plan.Action action(String image);

        @Override
        public Integer call() {
            var all = root.load(java.util.Set.of(), services).project();
            var project = services.isEmpty() ? all : all.withServices(services);
            var plan = new dev.jcompose.planner.plan.PlanBuilder();
            java.util.Set<String> seen = new java.util.TreeSet<>();
            for (var s : project.services().values()) {
                for (String image : images(project, s)) {
                    if (seen.add(image)) plan.add(action(image), action(image).verb() + " " + s.name(), java.util.List.of());
                }
            }
            return run(root, plan.build(), dryRun, quiet, ignoreFailures());
        }
    }

    static int run(RootCommand root, Plan plan, boolean dryRun, boolean quiet, boolean ignoreFailures) {
        Context ctx = root.context();
        if (dryRun) {
            ctx.out().print(plan.render());
            return ExitCodes.OK;
        }
        if (plan.isEmpty()) return ExitCodes.OK;
        try (Engine engine = root.connect()) {
            // one image's failure must not stop the others: each step is independent, so run them one plan each
            int failed = 0;
            for (var step : plan.steps()) {
                Plan one = new Plan(java.util.List.of(new dev.jcompose.planner.plan.Step(1, step.action(), step.reason(), new java.util.TreeSet<>())), java.util.List.of());
                ExecutionReport report = new Executor(engine, root.parallelism())
                        .execute(one, quiet ? ProgressListener.NONE : new ProgressPrinter(ctx.err()));
                if (report.interrupted()) return ExitCodes.INTERRUPTED;
                for (String message : report.failed().values()) {
                    failed++;
                    ctx.err().println((ignoreFailures ? "WARN[0000] " : "Error: ") + message + hint(message));
                }
            }
            return failed > 0 && !ignoreFailures ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** Registries that cannot be reached fail deep in the engine; say in plain words what that means. */
    static String hint(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("dial tcp") || m.contains("lookup") || m.contains("no such host") || m.contains("connection refused")
                || m.contains("i/o timeout") || m.contains("request canceled")) {
            return "\n  (no image registry answers from this engine: images have to be made locally here, see scripts/base-images.sh)";
        }
        return "";
    }
}
