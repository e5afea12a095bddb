package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.PublishedPort;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose port SERVICE PRIVATE_PORT}: where a container's port is published, {@code HOST_IP:PORT}, as
 * docker compose prints it: the first binding the engine lists for that port and protocol.
 */
@Command(name = "port", description = "Print the public port for a port binding")
final class PortCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", description = "tcp or udp (default: tcp)")
    String protocol = "tcp";

    @Option(names = "--index", paramLabel = "N", description = "Index of the container if the service has several (default: the first)")
    int index;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service")
    String service;

    @Parameters(index = "1", paramLabel = "PRIVATE_PORT", description = "The container's port")
    int privatePort;

    @Override
    public Integer call() {
        Context ctx = root.context();
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            ctx.err().println("invalid value \"" + protocol + "\" for --protocol: expected tcp or udp");
            return ExitCodes.USAGE;
        }
        String project = root.projectNameForReading(List.of(service));
        Optional<ObservedContainer> target;
        try (Engine engine = root.connect()) {
            target = root.service(engine).containers(project).stream()
                    .filter(c -> c.service().equals(service) && c.running() && (index == 0 || c.number() == index))
                    .min(Comparator.comparingInt(ObservedContainer::number).thenComparing(ObservedContainer::name));
        }
        if (target.isEmpty()) {
            ctx.err().println("service \"" + service + "\" is not running" + (index != 0 ? " (container #" + index + ")" : ""));
            return ExitCodes.FAILED;
        }
        ObservedContainer c = target.get();
        Optional<PublishedPort> published = c.ports().stream()
                .filter(p -> p.privatePort() == privatePort && p.type().equals(protocol) && p.publicPort() != null).findFirst();
        if (published.isEmpty()) {
            String ports = c.ports().stream().filter(p -> p.publicPort() != null)
                    .map(p -> p.privatePort() + "/" + p.type()).distinct().collect(Collectors.joining(", "));
            ctx.err().println("no port " + privatePort + "/" + protocol + " is published for container " + c.name()
                    + (ports.isEmpty() ? ": it publishes none" : ": it publishes " + ports));
            return ExitCodes.FAILED;
        }
        ctx.out().println(published.get().ip() + ":" + published.get().publicPort());
        return ExitCodes.OK;
    }
}
