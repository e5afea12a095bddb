package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.ProgressListener;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.Selection;
import dev.jcompose.spec.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose build}: build (or rebuild) the images of the services that have a build section. */
@Command(name = "build", description = "Build or rebuild services")
final class BuildCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--no-cache", description = "Do not use cache when building the image")
    boolean noCache;

    @Option(names = "--pull", description = "Always attempt to pull a newer version of the base image")
    boolean pull;

    @Option(names = "--build-arg", paramLabel = "KEY[=VALUE]", description = "Set build-time variables for services (KEY alone: its value in the environment)")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Don't print anything to STDOUT")
    boolean quiet;

    @Option(names = "--with-dependencies", description = "Also build dependencies (transitively)")
    boolean withDependencies;

    @Option(names = "--dry-run", description = "Print the plan and change nothing")
    boolean dryRun;

    @Parameters(paramLabel = "SERVICE", description = "Services to build (default: all that have a build section)")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        var loaded = root.load(Set.of(), services);
        Project all = loaded.project();
        Project project = services.isEmpty() ? all
                : withDependencies ? Selection.withDependencies(all, services) : all.withServices(services);
        for (String s : services) {
            if (all.service(s) != null && all.service(s).buildConfig() == null && !withDependencies) {
                root.context().err().println("WARN[0000] service \"" + s + "\" has no build section: nothing to build for it");
            }
        }
        BuildOptions options = BuildOptions.forced(noCache, pull, buildArgs(buildArgs, loaded.environment()));
        try (Engine engine = root.connect()) {
            Context ctx = root.context();
            CliEvents events = quiet ? root.events().withProgress(ProgressListener.NONE) : root.events();
            return events.exitCode(root.service(engine).build(project, options, dryRun, events));
        }
    }

    /** {@code --build-arg KEY=VALUE}, or {@code KEY} alone for the value in the environment (left out without one). */
    static SortedMap<String, String> buildArgs(List<String> given, Map<String, String> env) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String a : given) {
            int eq = a.indexOf('=');
            if (eq > 0) out.put(a.substring(0, eq), a.substring(eq + 1));
            else if (env.containsKey(a)) out.put(a, env.get(a));
        }
        return out;
    }
}
