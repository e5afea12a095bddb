package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.copy.ContainerCopy;
import dev.jcompose.executor.copy.CopyException;
import dev.jcompose.planner.observed.ObservedContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose cp SERVICE:SRC DEST} and {@code jcompose cp SRC SERVICE:DEST}, as docker compose v2: from the
 * service's first container (the lowest number) or container {@code --index}; to every container of the service
 * (stopped ones too, and with {@code --all} the one-off ones), or container {@code --index}. {@code -} is a tar on
 * the standard input or output. Where the copy lands follows docker cp's rules ({@code CopyPaths}).
 */
@Command(name = "cp", description = "Copy files/folders between a service container and the local filesystem")
final class CpCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid information)")
    boolean archive;

    @Option(names = {"-L", "--follow-link"}, description = "Always follow symbol link in SRC_PATH")
    boolean followLink;

    @Option(names = "--index", paramLabel = "N", description = "Index of the container if service has multiple replicas")
    int index;

    @Option(names = "--all", description = "Include containers created by the run command")
    boolean all;

    @Option(names = "--dry-run", description = "Show what would be copied, copy nothing")
    boolean dryRun;

    @Parameters(index = "0", paramLabel = "SRC", description = "SERVICE:SRC_PATH, or a local path (- for a tar on stdin)")
    String source;

    @Parameters(index = "1", paramLabel = "DEST", description = "SERVICE:DEST_PATH, or a local path (- for a tar on stdout)")
    String destination;

    @Override
    public Integer call() throws IOException {
        Context ctx = root.context();
        String usage = usageError();
        if (usage != null) {
            ctx.err().println(usage);
            return ExitCodes.USAGE;
        }
        CpArgument from = CpArgument.parse(source);
        CpArgument to = CpArgument.parse(destination);
        boolean toService = !to.local();
        String service = toService ? to.service() : from.service();
        String project = root.projectNameForReading(List.of(service));
        try (Engine engine = root.connect()) {
            List<ObservedContainer> targets = targets(root.service(engine).containers(project), service, toService);
            if (targets.isEmpty()) {
                ctx.err().println(index > 0 ? "service \"" + service + "\" has no container #" + index
                        : "no container found for service \"" + service + "\"");
                return ExitCodes.FAILED;
            }
            if (dryRun) {
                int step = 1;
                for (ObservedContainer c : targets) ctx.out().println("#" + step++ + " copy " + what(c, from, to));
                return ExitCodes.OK;
            }
            // the standard input can be read once: a tar for several containers is kept to hand to each
            byte[] stdin = toService && from.path().equals("-") && targets.size() > 1 ? ctx.in().readAllBytes() : null;
            ContainerCopy copy = new ContainerCopy(engine, ctx.cwd());
            CopyProgress progress = new CopyProgress(ctx.err(), root.modes().progress());
            for (ObservedContainer c : targets) {
                progress.copying(c.name(), what(c, from, to));
                try {
                    if (toService) {
                        copy.toContainer(c.name(), from.path(), to.path(), followLink, archive,
                                stdin != null ? new ByteArrayInputStream(stdin) : ctx.in());
                    } else {
                        copy.fromContainer(c.name(), from.path(), to.path(), followLink, ctx.out());
                        ctx.out().flush();
                    }
                } catch (CopyException | UncheckedIOException e) {
                    progress.failed(c.name(), e.getMessage());
                    return ExitCodes.FAILED;
                }
                progress.copied(c.name(), what(c, from, to));
            }
        }
        return ExitCodes.OK;
    }

    /** What is wrong with the two arguments as docker compose words it, or null. */
    private String usageError() {
        if (source.isEmpty()) return "source can not be empty";
        if (destination.isEmpty()) return "destination can not be empty";
        CpArgument from = CpArgument.parse(source);
        CpArgument to = CpArgument.parse(destination);
        if (!from.local() && !to.local()) return "copying between services is not supported";
        if (from.local() && to.local()) return "unknown copy direction: SRC or DEST must be SERVICE:PATH";
        CpArgument inService = from.local() ? to : from;
        if (inService.service().isEmpty() || inService.path().isEmpty()) return "\"" + inService + "\": expected SERVICE:PATH";
        if (from.path().equals("-") && to.path().equals("-")) return "cannot copy from - to -";
        if (index < 0) return "--index must be 1 or more";
        return null;
    }

    /**
     * The service's containers the copy goes to or comes from, stopped ones included: container {@code --index}, or
     * from the service the lowest-numbered one, to it every one (one-off ones too with {@code --all}).
     */
    private List<ObservedContainer> targets(List<ObservedContainer> containers, String service, boolean toService) {
        List<ObservedContainer> mine = containers.stream().filter(c -> c.service().equals(service))
                .filter(c -> index > 0 ? !c.oneoff() && c.number() == index : all || !c.oneoff())
                .sorted(Comparator.comparing(ObservedContainer::oneoff).thenComparingInt(ObservedContainer::number)
                        .thenComparing(ObservedContainer::name))
                .toList();
        return toService || mine.isEmpty() ? mine : mine.subList(0, 1);
    }

    private static String what(ObservedContainer c, CpArgument from, CpArgument to) {
        return from.local() ? from.path() + " to " + c.name() + ":" + to.path() : c.name() + ":" + from.path() + " to " + to.path();
    }
}
