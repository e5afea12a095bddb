package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.Selection;
import dev.jcompose.planner.swarm.SwarmOptions.ResolveImage;
import dev.jcompose.service.swarm.DeployRequest;
import dev.jcompose.service.swarm.Distribution;
import dev.jcompose.service.swarm.StackWait;
import dev.jcompose.spec.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose deploy}: the project on a Docker Swarm as a stack, named and labelled as {@code docker stack deploy}
 * names it, converged as {@code up} converges containers (a no-op deploy makes no update call), and with
 * {@code --wait}, waited for.
 */
@Command(name = "deploy", description = "Deploy the project to a Docker Swarm as a stack (as docker stack deploy)")
final class DeployCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--wait", description = "Wait until every service has converged: its tasks running (healthy where they have a healthcheck), a job's complete")
    boolean waitReady;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Maximum duration of --wait (default: no limit; stuck or rejected tasks end it earlier)")
    int waitTimeout;

    @Option(names = {"--prune", "--remove-orphans"}, description = "Remove the stack's services, networks, configs and secrets the project no longer has")
    boolean prune;

    @Option(names = "--dry-run", description = "Print the plan (each engine call and why) and change nothing")
    boolean dryRun;

    @Option(names = "--resolve-image", paramLabel = "WHEN", description = "Query the registry to pin image digests: always (default), changed, never")
    ResolveImage resolveImage = ResolveImage.ALWAYS;

    @Option(names = "--push", description = "Push the images built here to their registry and pin their digests in the services")
    boolean push;

    @Option(names = "--node-host", paramLabel = "NODE=DOCKER_HOST",
            description = "Stream the images built here to this node's engine (repeatable; for a swarm without a registry)")
    List<String> nodeHosts = new ArrayList<>();

    @Parameters(paramLabel = "SERVICE", description = "Deploy only these services, with their dependencies (default: all)")
    List<String> services = new ArrayList<>();

    /** The request the options make; an {@link IllegalArgumentException} says what is wrong with them. */
    DeployRequest request() {
        if (waitTimeout < 0) throw new IllegalArgumentException("--wait-timeout cannot be negative: " + waitTimeout);
        if (waitTimeout > 0 && !waitReady) throw new IllegalArgumentException("--wait-timeout needs --wait");
        if (push && !nodeHosts.isEmpty()) throw new IllegalArgumentException("--push and --node-host are incompatible: the nodes pull from the registry");
        TreeMap<String, String> hosts = new TreeMap<>();
        for (String nh : nodeHosts) {
            int eq = nh.indexOf('=');
            if (eq <= 0 || eq == nh.length() - 1) throw new IllegalArgumentException("invalid --node-host \"" + nh + "\": expected NODE=DOCKER_HOST (e.g. node2=tcp://10.0.0.2:2375)");
            String node = nh.substring(0, eq);
            if (hosts.put(node, nh.substring(eq + 1)) != null) throw new IllegalArgumentException("--node-host names node " + node + " twice");
        }
        Distribution distribution = push ? new Distribution.Push() : hosts.isEmpty() ? new Distribution.Local() : new Distribution.Stream(hosts);
        if (prune && !services.isEmpty()) throw new IllegalArgumentException("--prune needs the whole project: it cannot be combined with services");
        return new DeployRequest(services, prune ? DeployRequest.Prune.REMOVE : DeployRequest.Prune.KEEP, resolveImage, distribution,
                waitReady ? StackWait.upTo(waitTimeout) : StackWait.NONE, dryRun);
    }

    @Override
    public Integer call() {
        Context ctx = root.context();
        DeployRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            ctx.err().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        Project loaded = root.load(Set.of(), services).project();
        Project project = Selection.withDependencies(loaded, services);
        try (Engine engine = root.connect()) {
            CliEvents events = root.events();
            return events.exitCode(root.stacks(engine).deploy(project, request, events));
        }
    }
}
