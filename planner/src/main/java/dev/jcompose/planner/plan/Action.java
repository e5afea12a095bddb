package dev.jcompose.planner.plan;

import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;

/** One engine call of a plan. The executor maps each kind to exactly one call and decides nothing. */
public sealed interface Action {
    /** What the action works on, as progress shows it: {@code Container demo-web-1}. */
    String resource();

    /** The verb in the plan's text: {@code create}, {@code start}... */
    String verb();

    /** The past tense progress shows once it is done: {@code Created}, {@code Started}... */
    String done();

    /** The present tense progress shows while it runs: {@code Creating}, {@code Starting}... */
    String doing();

    /** @param platform the {@code os/arch[/variant]} to pull for (the service's {@code platform}), or null for the engine's */
    record PullImage(String image, String platform) implements Action {
        public PullImage(String image) {
            this(image, null);
        }

        public String resource() { return "Image " + image; }
        public String verb() { return "pull"; }
        public String done() { return "Pulled"; }
        public String doing() { return "Pulling"; }
    }

    /** Builds the service's image from its context; the engine tags it only when every step succeeded. */
    record BuildImage(String service, dev.jcompose.planner.spec.BuildSpec spec) implements Action {
        public String resource() { return "Image " + spec.image(); }
        public String verb() { return "build"; }
        public String done() { return "Built"; }
        public String doing() { return "Building"; }
    }

    record PushImage(String image) implements Action {
        public String resource() { return "Image " + image; }
        public String verb() { return "push"; }
        public String done() { return "Pushed"; }
        public String doing() { return "Pushing"; }
    }

    /** Removes an image by name (untags it; the image goes with its last name) or by id. */
    record RemoveImage(String image) implements Action {
        public String resource() { return "Image " + image; }
        public String verb() { return "remove"; }
        public String done() { return "Removed"; }
        public String doing() { return "Removing"; }
    }

    record CreateNetwork(NetworkSpec spec) implements Action {
        public String resource() { return "Network " + spec.name(); }
        public String verb() { return "create"; }
        public String done() { return "Created"; }
        public String doing() { return "Creating"; }
    }

    record RemoveNetwork(String name) implements Action {
        public String resource() { return "Network " + name; }
        public String verb() { return "remove"; }
        public String done() { return "Removed"; }
        public String doing() { return "Removing"; }
    }

    /** Connects an existing container to a network (the network was made again, with a changed definition). */
    record ConnectNetwork(String network, String container, ContainerSpec.NetworkAttachment attachment) implements Action {
        public String resource() { return "Container " + container; }
        public String verb() { return "connect to " + network; }
        public String done() { return "Connected"; }
        public String doing() { return "Connecting"; }
    }

    record DisconnectNetwork(String network, String container) implements Action {
        public String resource() { return "Container " + container; }
        public String verb() { return "disconnect from " + network; }
        public String done() { return "Disconnected"; }
        public String doing() { return "Disconnecting"; }
    }

    record CreateVolume(VolumeSpec spec) implements Action {
        public String resource() { return "Volume " + spec.name(); }
        public String verb() { return "create"; }
        public String done() { return "Created"; }
        public String doing() { return "Creating"; }
    }

    record RemoveVolume(String name) implements Action {
        public String resource() { return "Volume " + name; }
        public String verb() { return "remove"; }
        public String done() { return "Removed"; }
        public String doing() { return "Removing"; }
    }

    /**
     * Runs one of a service's lifecycle hooks in its container, as an exec: {@code post_start} after the start
     * (its failure fails the start, as in docker compose), {@code pre_stop} before the stop (its failure is a
     * warning: the container is stopped all the same).
     */
    record RunHook(String container, String service, dev.jcompose.spec.model.Hook hook, HookPhase phase) implements Action {
        public String resource() { return "Container " + container; }
        public String verb() { return "exec " + phase.key(); }
        public String done() { return "Ran " + phase.key(); }
        public String doing() { return "Running " + phase.key(); }
    }

    /** When a hook runs. */
    enum HookPhase {
        POST_START("post_start"), PRE_STOP("pre_stop");

        private final String key;

        HookPhase(String key) {
            this.key = key;
        }

        /** The attribute's name in the Compose file. */
        public String key() {
            return key;
        }
    }

    /**
     * Creates the container on its first network and connects it to the others before anything starts it.
     *
     * @param replaces the container a recreate replaces (the new one is created beside it under a temporary name),
     *                 or null
     */
    record CreateContainer(ContainerSpec spec, String replaces) implements Action {
        public CreateContainer(ContainerSpec spec) {
            this(spec, null);
        }

        public String resource() { return "Container " + (replaces != null ? replaces : spec.name()); }
        public String verb() { return replaces != null ? "recreate" : "create"; }
        public String done() { return replaces != null ? "Recreated" : "Created"; }
        public String doing() { return replaces != null ? "Recreate" : "Creating"; }
    }

    record StartContainer(String name, String service) implements Action {
        public String resource() { return "Container " + name; }
        public String verb() { return "start"; }
        public String done() { return "Started"; }
        public String doing() { return "Starting"; }
    }

    /**
     * @param timeoutSeconds how long the engine waits before it kills; {@link #OWN_TIMEOUT} lets it take the
     *                       container's own ({@code stop_grace_period}, else 10 s), as docker compose does without -t
     */
    record StopContainer(String name, String service, int timeoutSeconds) implements Action {
        /** No timeout given: the container's {@code stop_grace_period} applies. */
        public static final int OWN_TIMEOUT = -1;

        public String resource() { return "Container " + name; }
        public String verb() { return "stop"; }
        public String done() { return "Stopped"; }
        public String doing() { return "Stopping"; }
    }

    /** Sends a signal to a running container's main process ({@code SIGKILL}, {@code SIGTERM}, {@code HUP}, {@code 15}...). */
    record KillContainer(String name, String service, String signal) implements Action {
        public String resource() { return "Container " + name; }
        public String verb() { return "kill"; }
        public String done() { return "Killed"; }
        public String doing() { return "Killing"; }
    }

    /** Waits until the container reports healthy; an exit or "unhealthy" fails it (unless not required: a warning). */
    record WaitHealthy(String name, String service, boolean required) implements Action {
        public String resource() { return "Container " + name; }
        public String verb() { return "wait healthy"; }
        public String done() { return "Healthy"; }
        public String doing() { return "Waiting"; }
    }

    /** Waits until the container has exited; an exit code other than 0 fails it (unless not required). */
    record WaitCompleted(String name, String service, boolean required) implements Action {
        public String resource() { return "Container " + name; }
        public String verb() { return "wait completed"; }
        public String done() { return "Exited"; }
        public String doing() { return "Waiting"; }
    }

    /** {@code up --wait}: running (and healthy when it has a healthcheck), or exited 0; gives up after the timeout. */
    record WaitReady(String name, String service, int timeoutSeconds) implements Action {
        public String resource() { return "Container " + name; }
        public String verb() { return "wait ready"; }
        public String done() { return "Healthy"; }
        public String doing() { return "Waiting"; }
    }

    /** The last step of a recreate: the new container takes the old one's name. */
    record RenameContainer(String from, String to, String service) implements Action {
        public String resource() { return "Container " + to; }
        public String verb() { return "rename"; }
        public String done() { return "Renamed"; }
        public String doing() { return "Renaming"; }
    }

    record PauseContainer(String name, String service) implements Action {
        public String resource() { return "Container " + name; }
        public String verb() { return "pause"; }
        public String done() { return "Paused"; }
        public String doing() { return "Pausing"; }
    }

    record UnpauseContainer(String name, String service) implements Action {
        public String resource() { return "Container " + name; }
        public String verb() { return "unpause"; }
        public String done() { return "Unpaused"; }
        public String doing() { return "Unpausing"; }
    }

    record RestartContainer(String name, String service, int timeoutSeconds) implements Action {
        public String resource() { return "Container " + name; }
        public String verb() { return "restart"; }
        public String done() { return "Started"; }
        public String doing() { return "Restarting"; }
    }

    /** Removes a container; anonymous volumes go with it only when asked ({@code down -v}). */
    record RemoveContainer(String name, String service, boolean removeVolumes) implements Action {
        public String resource() { return "Container " + name; }
        public String verb() { return "remove"; }
        public String done() { return "Removed"; }
        public String doing() { return "Removing"; }
    }
}
