package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.StateCollector;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.Planner;
import dev.jcompose.planner.UpOptions;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose run SERVICE [COMMAND...]}: a one-off container of the service, its dependencies brought up first.
 * Attached, it streams the output and exits with the container's code; stdin is not attached yet.
 */
@Command(name = "run", description = "Run a one-off command on a service")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-d", "--detach"}, description = "Run container in background and print container name")
    boolean detach;

    @Option(names = "--rm", description = "Automatically remove the container when it exits")
    boolean remove;

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Option(names = "--service-ports", description = "Run command with the service's ports published")
    boolean servicePorts;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-i", "--interactive"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", description = "Keep STDIN open even if not attached (default: true)")
    boolean interactive = true;

    @Option(names = {"-T", "--no-TTY", "--no-tty"}, description = "Disable pseudo-TTY allocation (by default one is allocated when in a terminal)")
    boolean noTty;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service to run")
    String service;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments (default: the service's)")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Context ctx = root.context();
        Project loaded = root.load(Set.of(), List.of(service)).project();
        Service svc = loaded.service(service);
        Map<String, String> extra = new TreeMap<>();
        for (String kv : env) {
            int eq = kv.indexOf('=');
            if (eq > 0) extra.put(kv.substring(0, eq), kv.substring(eq + 1));
            else if (ctx.env().containsKey(kv)) extra.put(kv, ctx.env().get(kv));
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        // attached, it reads this command's standard input (until it ends), on a TTY when jcompose runs in one
        boolean attachStdin = !detach && interactive;
        ContainerSpec spec;
        try (Engine engine = root.connect()) {
            try (ProjectLock lock = root.lock(engine, loaded.name())) {
                // images first, the service's and its dependencies', built when missing, as docker compose run does
                Project needed = noDeps ? loaded.withServices(List.of(service)) : Selection.withDependencies(loaded, List.of(service));
                var images = BuildPhase.run(root, engine, needed, StateCollector.collect(engine, needed), dev.jcompose.planner.BuildOptions.ifMissing(), false);
                if (images.exitCode() != ExitCodes.OK) return images.exitCode();
                String imageId = images.observed().imageId(dev.jcompose.planner.ImagePlanner.imageName(loaded, svc));
                ContainerSpec oneOff = ContainerSpecs.oneOff(loaded, svc, imageId, HexFormat.of().formatHex(random), command, extra, servicePorts);
                spec = detach ? oneOff : oneOff.withStdio(attachStdin, ctx.terminal() && !noTty);
                if (!noDeps && !svc.dependsOn().isEmpty()) {
                    Project deps = Selection.withDependencies(loaded, List.copyOf(svc.dependsOn().keySet()));
                    Plan up = Planner.up(deps, StateCollector.collect(engine, deps), UpOptions.defaults());
                    // the dependencies' own warnings (what they ask that cannot be honoured), not up's orphan notes
                    int exit = PlanRunner.run(root, engine, new Plan(up.steps(), Planner.ignoredAttributes(deps)), false);
                    if (exit != ExitCodes.OK) return exit;
                }
                // the service's networks and volumes, when the stack is not up yet
                Project only = loaded.withServices(List.of(service));
                Plan resources = Planner.up(only, StateCollector.collect(engine, only), new UpOptions(false, true, true, false, Action.StopContainer.OWN_TIMEOUT, false));
                PlanBuilder plan = new PlanBuilder();
                for (String w : Planner.ignoredAttributes(only)) plan.warn(w);
                List<Integer> before = new ArrayList<>();
                for (var step : resources.steps()) {
                    if (step.action() instanceof Action.CreateNetwork || step.action() instanceof Action.CreateVolume
                            || step.action() instanceof Action.PullImage) {
                        before.add(plan.add(step.action(), step.reason(), List.of()));
                    }
                }
                int created = plan.add(new Action.CreateContainer(spec), "run " + service, before);
                // attached, the start comes after the attach below, so that no output and no input is missed
                if (detach) plan.add(new Action.StartContainer(spec.name(), service), "run " + service, List.of(created));
                int exit = PlanRunner.run(root, engine, plan.build(), false);
                if (exit != ExitCodes.OK) return exit;
            }
            if (detach) {
                ctx.out().println(spec.name());
                return ExitCodes.OK;
            }
            LogFollower follower = engine.attach(spec.name(), spec.tty(), attachStdin ? ctx.in() : null,
                    bytes -> write(ctx.out(), bytes), bytes -> write(ctx.err(), bytes));
            engine.startContainer(spec.name());
            int code = engine.waitContainer(spec.name());
            follower.awaitEnd(5_000);
            follower.close();
            if (remove) engine.removeContainer(spec.name(), true);
            return code;
        }
    }

    private static void write(PrintStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
