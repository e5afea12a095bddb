package dev.jcompose.service.swarm;

import dev.jcompose.executor.Engine;
import dev.jcompose.service.Events;
import dev.jcompose.service.Outcome;
import dev.jcompose.spec.model.Project;
import java.util.Objects;
import java.util.function.Function;

/**
 * What jcompose does with a project on a Docker Swarm, one method per command, as {@code ComposeService} does for
 * containers: {@code deploy}, and {@code down}, {@code ps}, {@code logs}, {@code ls} of a deployed project. The
 * command line and the library both call it; it decides nothing the swarm planner decides.
 */
public final class StackService {
    private final Engine engine;
    private final Function<String, Engine> nodeEngines;

    /**
     * @param engine      a manager of the swarm
     * @param nodeEngines connects to the engine at a {@code DOCKER_HOST} address ({@code --node-host})
     */
    public StackService(Engine engine, Function<String, Engine> nodeEngines) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.nodeEngines = Objects.requireNonNull(nodeEngines, "nodeEngines");
    }

    public Outcome deploy(Project project, DeployRequest request, Events events) {
        throw new UnsupportedOperationException("deploy is not wired to the swarm engine yet");
    }

    public Outcome down(String project, StackDownRequest request, Events events) {
        throw new UnsupportedOperationException("down of a stack is not wired to the swarm engine yet");
    }
}
