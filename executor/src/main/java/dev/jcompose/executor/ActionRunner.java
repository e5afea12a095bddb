package dev.jcompose.executor;

import dev.jcompose.planner.plan.Action;

/** Maps each action to its one engine call. No decisions here: those were the planner's. */
final class ActionRunner {
    private ActionRunner() {}

    static void run(Engine engine, Action action) {
        if (action instanceof Action.PullImage a) engine.pullImage(a.image());
        else if (action instanceof Action.CreateNetwork a) engine.createNetwork(a.spec());
        else if (action instanceof Action.RemoveNetwork a) engine.removeNetwork(a.name());
        else if (action instanceof Action.CreateVolume a) engine.createVolume(a.spec());
        else if (action instanceof Action.RemoveVolume a) engine.removeVolume(a.name());
        else if (action instanceof Action.CreateContainer a) engine.createContainer(a.spec());
        else if (action instanceof Action.StartContainer a) engine.startContainer(a.name());
        else if (action instanceof Action.StopContainer a) engine.stopContainer(a.name(), a.timeoutSeconds());
        else if (action instanceof Action.RemoveContainer a) engine.removeContainer(a.name(), a.removeVolumes());
        else if (action instanceof Action.RestartContainer a) engine.restartContainer(a.name(), a.timeoutSeconds());
        else throw new IllegalArgumentException("no engine call for " + action);
    }
}
