package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.planner.Planner;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.Outcome;
import dev.jcompose.spec.model.Project;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code up} without {@code -d}: streams every container's output prefixed with {@code <service>-<n> |}, reports
 * each exit, and returns when all have stopped. The first Ctrl-C stops the stack gracefully (dependents first),
 * a second one leaves at once. With {@code --abort-on-container-exit} (or {@code -failure}) the first exit (or
 * failure) stops the stack; the exit code is then that container's, or the one {@code --exit-code-from} names.
 */
final class AttachedUp {
    /** The attached options of up. */
    record Options(int timeout, boolean abortOnExit, boolean abortOnFailure, String exitCodeFrom, boolean coloured) {}

    private final RootCommand root;
    private final Engine engine;
    private final Project project;
    private final int timeout;
    private final Options options;

    AttachedUp(RootCommand root, Engine engine, Project project, Options options) {
        this.root = root;
        this.engine = engine;
        this.project = project;
        this.timeout = options.timeout();
        this.options = options;
    }

    @SuppressWarnings("try") // the signal registration is only held for the duration of the block
    int run() throws Exception {
        Context ctx = root.context();
        PrintStream out = ctx.out();
        List<ObservedContainer> containers = root.service(engine).containers(project.name()).stream()
                .filter(c -> !c.oneoff() && project.services().containsKey(c.service()))
                // attach: false keeps a service's output out of up's, as in docker compose
                .filter(c -> project.service(c.service()).options().lifecycle().attach())
                .sorted(Comparator.comparing(ObservedContainer::name)).toList();
        if (containers.isEmpty()) return ExitCodes.OK;
        LogPrefixes prefixes = new LogPrefixes(project.name(), containers, options.coloured());
        out.println("Attaching to " + String.join(", ", containers.stream().map(prefixes::name).toList()));

        CountDownLatch allStopped = new CountDownLatch(containers.size());
        AtomicInteger interrupts = new AtomicInteger();
        CountDownLatch forced = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicBoolean aborting = new AtomicBoolean();
        AtomicInteger abortCode = new AtomicInteger();
        AtomicInteger selectedCode = new AtomicInteger();
        List<LogFollower> followers = new ArrayList<>();
        Runnable stopAll = () -> {
            try {
                // not under the project's lock: a command that holds it must not keep Ctrl-C from stopping the stack
                ComposeService service = root.service(engine);
                Outcome stopped = service.execute(Planner.stop(project, service.observe(project), timeout), false, root.events());
                stopped.errors().forEach(m -> ctx.err().println("Error: " + m));
            } catch (RuntimeException e) {
                ctx.err().println("Error: " + e.getMessage());
            }
        };
        // the stop an exit set off: waited for before the command returns (and its caller closes the engine), also
        // when every container has exited by itself in the meantime
        AtomicReference<Thread> abortStop = new AtomicReference<>();
        try (AutoCloseable signal = ctx.interrupts().onInterrupt(() -> {
            if (interrupts.incrementAndGet() > 1) {
                ctx.err().println("Forcing exit: containers left as they are");
                forced.countDown();
                return;
            }
            stopping.set(true);
            ctx.err().println("Gracefully stopping... (press Ctrl+C again to force)");
            stopAll.run();
        })) {
            for (ObservedContainer c : containers) {
                String prefix = prefixes.of(c);
                LogFollower follower = engine.followLogs(c.name(), line -> {
                    synchronized (out) {
                        out.println(prefix + line);
                    }
                });
                followers.add(follower);
                Thread waiter = new Thread(() -> {
                    try {
                        int code = engine.waitContainer(c.name());
                        follower.awaitEnd(5_000); // its last lines come before the line that says it exited
                        synchronized (out) {
                            out.println(prefixes.name(c) + " exited with code " + code);
                        }
                        if (c.service().equals(options.exitCodeFrom())) selectedCode.set(code);
                        boolean abort = options.abortOnExit() || options.exitCodeFrom() != null || (options.abortOnFailure() && code != 0);
                        if (abort && !stopping.get() && aborting.compareAndSet(false, true)) {
                            abortCode.set(code);
                            ctx.err().println("Aborting on container exit...");
                            Thread stopper = new Thread(stopAll, "jcompose-abort");
                            abortStop.set(stopper);
                            stopper.start();
                        }
                    } catch (RuntimeException e) {
                        ctx.err().println("Error: " + e.getMessage());
                    } finally {
                        allStopped.countDown();
                    }
                }, "jcompose-wait-" + c.name());
                waiter.setDaemon(true);
                waiter.start();
            }
            Thread forcedWatcher = new Thread(() -> {
                try {
                    forced.await();
                    while (allStopped.getCount() > 0) allStopped.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "jcompose-force");
            forcedWatcher.setDaemon(true);
            forcedWatcher.start();
            allStopped.await();
            Thread stopper = abortStop.get();
            if (stopper != null && forced.getCount() > 0) stopper.join();
        } finally {
            followers.forEach(LogFollower::close);
        }
        if (stopping.get() || interrupts.get() > 0) return ExitCodes.INTERRUPTED;
        if (options.exitCodeFrom() != null) return selectedCode.get();
        return aborting.get() ? abortCode.get() : ExitCodes.OK;
    }
}
