package dev.jcompose.cli;

import dev.jcompose.executor.ContainerStatus;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose attach SERVICE}: this terminal's input, output and error joined to a running container's, as
 * {@code docker compose attach}: what it prints from now on, what is typed goes to it (raw mode on a TTY), until it
 * stops (its exit code) or the engine's detach keys (ctrl-p ctrl-q) leave it running (exit 0).
 */
@Command(name = "attach", description = "Attach local standard input, output, and error streams to a service's running container")
final class AttachCommand implements Callable<Integer> {
    /** The engine's own detach sequence, which it applies when the attach call names none. */
    static final String ENGINE_DETACH_KEYS = "ctrl-p,ctrl-q";

    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--index", paramLabel = "N", description = "Index of the container if the service has several (default: 1)")
    int index = 1;

    @Option(names = "--no-stdin", description = "Do not attach STDIN")
    boolean noStdin;

    @Option(names = "--sig-proxy", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", description = "Proxy Ctrl-C to the container as SIGINT (default: true)")
    boolean sigProxy = true;

    @Option(names = "--detach-keys", paramLabel = "KEYS", description = "The key sequence that detaches (only the engine's own, ctrl-p,ctrl-q, for now)")
    String detachKeys;

    @Parameters(paramLabel = "SERVICE", description = "The service whose container to attach to")
    String service;

    @Override
    @SuppressWarnings("try") // the signal registration is only held for the duration of the block
    public Integer call() throws Exception {
        Context ctx = root.context();
        if (detachKeys != null && !detachKeys.replace(" ", "").equalsIgnoreCase(ENGINE_DETACH_KEYS)) {
            ctx.err().println("--detach-keys " + detachKeys + ": only the engine's own sequence, " + ENGINE_DETACH_KEYS
                    + ", is supported yet");
            return ExitCodes.USAGE;
        }
        Project project = null;
        String name;
        try {
            project = root.load(Set.of(), List.of(service)).project();
            name = project.name();
        } catch (ComposeException e) {
            if (root.projectName == null || !root.files.isEmpty()) throw e; // -p NAME alone works without a file
            name = root.projectName;
        }
        try (Engine engine = root.connect()) {
            Optional<ObservedContainer> target = root.service(engine).containers(name).stream()
                    .filter(c -> c.service().equals(service) && !c.oneoff() && c.number() == index && c.running()).findFirst();
            if (target.isEmpty()) {
                ctx.err().println("service \"" + service + "\" is not running" + (index != 1 ? " (container #" + index + ")" : ""));
                return ExitCodes.FAILED;
            }
            String container = target.get().name();
            // the file says whether the container has a TTY (the stream is then raw, not multiplexed); with -p alone, none
            Service svc = project == null ? null : project.service(service);
            boolean tty = svc != null && svc.tty();
            boolean stdin = !noStdin && (svc == null || svc.stdinOpen());
            if (!noStdin && svc != null && !svc.stdinOpen()) {
                // the container reads no input: what is typed would go nowhere, so it is not sent, and the person is told
                root.events().warning("service \"" + service + "\" has no stdin_open: this terminal's input is not attached (output only)");
            }
            try (RawTerminal terminal = RawTerminal.enter(ctx, tty && stdin);
                 AutoCloseable signal = ctx.interrupts().onInterrupt(() -> {
                     // without a TTY, Ctrl-C reaches jcompose, not the container: passed on, as docker attach does
                     if (sigProxy) engine.killContainer(container, "SIGINT");
                 })) {
                LogFollower follower = engine.attach(container, tty, stdin ? ctx.in() : null,
                        bytes -> write(ctx.out(), bytes), bytes -> write(ctx.err(), bytes));
                follower.awaitEnd(Long.MAX_VALUE);
                follower.close();
            }
            ContainerStatus status = engine.inspect(container);
            // still running: the person detached (ctrl-p ctrl-q)
            return status.exited() && status.exitCode() != null ? status.exitCode() : ExitCodes.OK;
        }
    }

    private static void write(PrintStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
