package dev.jcompose.executor;

import dev.jcompose.planner.plan.Action;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Maps each action to its engine call. No decisions here, those were the planner's: the waits poll one container
 * until the condition the action names holds or cannot hold any more.
 */
final class ActionRunner {
    /** How often a wait asks the engine again. */
    static final long POLL_MILLIS = 250;

    private ActionRunner() {}

    /** Runs the action; returns a warning for the person (an optional dependency that failed), or null. */
    static String run(Engine engine, Action action) {
        return run(engine, action, line -> { });
    }

    /** @param output where a step's own output goes (a build's), line by line, from the step's thread */
    static String run(Engine engine, Action action, Consumer<String> output) {
        if (action instanceof Action.PullImage a) engine.pullImage(a.image(), a.platform());
        else if (action instanceof Action.BuildImage a) dev.jcompose.executor.build.ImageBuilder.build(engine, a.service(), a.spec(), output);
        else if (action instanceof Action.RemoveImage a) engine.removeImage(a.image());
        else if (action instanceof Action.PushImage a) engine.pushImage(a.image());
        else if (action instanceof Action.CreateNetwork a) engine.createNetwork(a.spec());
        else if (action instanceof Action.RemoveNetwork a) return leftInUse(() -> engine.removeNetwork(a.name()));
        else if (action instanceof Action.CreateVolume a) engine.createVolume(a.spec());
        else if (action instanceof Action.ConnectNetwork a) engine.connectNetwork(a.network(), a.container(), a.attachment());
        else if (action instanceof Action.DisconnectNetwork a) engine.disconnectNetwork(a.network(), a.container());
        else if (action instanceof Action.RemoveVolume a) engine.removeVolume(a.name());
        else if (action instanceof Action.CreateContainer a) {
            List<String> warnings = engine.createContainer(a.spec());
            return warnings.isEmpty() ? null : String.join("; ", warnings);
        }
        else if (action instanceof Action.StartContainer a) engine.startContainer(a.name());
        else if (action instanceof Action.StopContainer a) engine.stopContainer(a.name(), a.timeoutSeconds());
        else if (action instanceof Action.RemoveContainer a) engine.removeContainer(a.name(), a.removeVolumes());
        else if (action instanceof Action.KillContainer a) engine.killContainer(a.name(), a.signal());
        else if (action instanceof Action.PauseContainer a) engine.pauseContainer(a.name());
        else if (action instanceof Action.UnpauseContainer a) engine.unpauseContainer(a.name());
        else if (action instanceof Action.RenameContainer a) engine.renameContainer(a.from(), a.to());
        else if (action instanceof Action.RestartContainer a) engine.restartContainer(a.name(), a.timeoutSeconds());
        else if (action instanceof Action.RunHook a) return hook(engine, a);
        else if (action instanceof Action.WaitHealthy a) return optional(a.required(), () -> waitHealthy(engine, a.name(), output));
        else if (action instanceof Action.WaitCompleted a) return optional(a.required(), () -> waitCompleted(engine, a.name()));
        else if (action instanceof Action.WaitReady a) waitReady(engine, a.name(), a.timeoutSeconds(), output);
        else throw new IllegalArgumentException("no engine call for " + action);
        return null;
    }

    /**
     * A hook as docker compose runs it: an exec with the hook's user, directory, environment and privileges. A
     * post_start hook that fails fails the start; a pre_stop one that fails is told, and the stop goes on.
     */
    private static String hook(Engine engine, Action.RunHook a) {
        var h = a.hook();
        StringBuilder stderr = new StringBuilder();
        int code;
        try {
            code = engine.exec(a.container(), new ExecSpec(h.command(), h.user(), h.workingDir(), h.environment(), h.privileged(), false, false),
                    null, out -> { }, err -> stderr.append(new String(err, StandardCharsets.UTF_8)));
        } catch (EngineException e) {
            if (a.phase() == Action.HookPhase.PRE_STOP) return a.phase().key() + " hook of " + a.container() + " failed: " + e.getMessage() + " (stopping all the same)";
            throw e;
        }
        if (code == 0) return null;
        String tail = stderr.toString().strip();
        if (tail.length() > 500) tail = "..." + tail.substring(tail.length() - 500);
        String message = a.phase().key() + " hook of " + a.container() + " exited with status " + code + (tail.isEmpty() ? "" : ": " + tail);
        if (a.phase() == Action.HookPhase.PRE_STOP) return message + " (stopping all the same)";
        throw new EngineException(message);
    }

    /** A network other containers still use stays, with a warning, as docker compose does ("Resource is still in use"). */
    private static String leftInUse(Runnable removal) {
        try {
            removal.run();
            return null;
        } catch (NetworkInUseException e) {
            return e.getMessage();
        }
    }

    private static String optional(boolean required, Runnable wait) {
        try {
            wait.run();
            return null;
        } catch (EngineException e) {
            if (required) throw e;
            return e.getMessage() + " (an optional dependency: going on)";
        }
    }

    /** How long a container without a healthcheck is watched before that is the error: it may be about to exit. */
    static final long NO_HEALTHCHECK_GRACE_MILLIS = 1000;

    private static void waitHealthy(Engine engine, String name, Consumer<String> output) {
        long noHealthcheckSince = -1;
        WaitReport report = new WaitReport(output);
        while (true) {
            ContainerStatus s = engine.inspect(name);
            report.status(s);
            if (s.exited()) throw new EngineException("dependency failed to start: container " + name + " exited (" + s.exitCode() + ")");
            if ("healthy".equals(s.health())) return;
            if ("unhealthy".equals(s.health())) throw new EngineException("dependency failed to start: container " + name + " is unhealthy");
            if (s.health() == null && s.state().equals("running")) {
                // a container that exits right after its start (the usual failure) must be reported as exited
                long now = System.nanoTime();
                if (noHealthcheckSince < 0) noHealthcheckSince = now;
                else if (now - noHealthcheckSince >= NO_HEALTHCHECK_GRACE_MILLIS * 1_000_000) {
                    throw new EngineException("dependency failed to start: container " + name + " has no healthcheck configured");
                }
            }
            pause();
        }
    }

    private static void waitCompleted(Engine engine, String name) {
        int code = engine.waitContainer(name);
        if (code != 0) throw new EngineException("dependency failed to start: container " + name + " exited (" + code + ")");
    }

    private static void waitReady(Engine engine, String name, int timeoutSeconds, Consumer<String> output) {
        long deadline = timeoutSeconds > 0 ? System.nanoTime() + timeoutSeconds * 1_000_000_000L : Long.MAX_VALUE;
        WaitReport report = new WaitReport(output);
        while (true) {
            ContainerStatus s = engine.inspect(name);
            report.status(s);
            if (s.exited()) {
                if (s.exitCode() != null && s.exitCode() == 0) return;
                throw new EngineException("container " + name + " exited (" + s.exitCode() + ")");
            }
            if ("unhealthy".equals(s.health())) throw new EngineException("container " + name + " is unhealthy");
            if (s.state().equals("running") && (s.health() == null || s.health().equals("healthy"))) return;
            if (System.nanoTime() > deadline) {
                // docker compose's words first (scripts match them), then which container and in what state
                throw new EngineException("application not healthy after " + timeoutSeconds + "s (container " + name + ": "
                        + WaitReport.describe(s) + ")");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting");
        }
    }
}
