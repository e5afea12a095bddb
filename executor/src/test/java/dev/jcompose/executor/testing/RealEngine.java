package dev.jcompose.executor.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineUnavailableException;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedVolume;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * For tests against the real Docker engine that {@code scripts/engine.sh} starts (the README's test command does).
 * When no engine answers, or the base image is missing, the test fails and says what to run: engine tests never
 * skip silently. A test takes an {@link EngineProjects} parameter for fresh project names; everything labelled
 * with those names is removed after the test, whether it passed or not.
 */
public final class RealEngine implements BeforeAllCallback, AfterEachCallback, ParameterResolver {
    public static final String BASE_IMAGE = "jcompose/busybox:latest";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RealEngine.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        try (Engine engine = connect()) {
            if (!engine.imageExists(BASE_IMAGE)) {
                fail("The engine test image " + BASE_IMAGE + " is missing: run scripts/base-images.sh (the README's test command does).");
            }
        }
    }

    public static Engine connect() {
        try {
            return DockerJavaEngine.connect(System.getenv());
        } catch (EngineUnavailableException e) {
            throw new AssertionError("Engine tests need a Docker engine and none answers: " + e.getMessage()
                    + "\nRun scripts/engine.sh first, or run the README's test command (./scripts/test.sh), which starts one.", e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == EngineProjects.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getStore(NS).getOrComputeIfAbsent("projects", k -> new EngineProjects(), EngineProjects.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        EngineProjects projects = context.getStore(NS).remove("projects", EngineProjects.class);
        if (projects == null || projects.names().isEmpty()) return;
        try (Engine engine = connect()) {
            for (String p : projects.names()) removeProject(engine, p);
        }
    }

    /** Removes every container, network and volume labelled as project {@code p}. */
    public static void removeProject(Engine engine, String p) {
        for (ObservedContainer c : engine.containers(p)) engine.removeContainer(c.name(), true);
        for (ObservedNetwork n : engine.networks()) if (p.equals(n.project())) engine.removeNetwork(n.name());
        for (ObservedVolume v : engine.volumes(p)) engine.removeVolume(v.name());
        // images the test built: tags first, then what is left dangling, one at a time (removals share layers)
        for (var i : engine.images(p)) for (String tag : i.tags()) engine.removeImage(tag);
        for (var i : engine.images(p)) engine.removeImage(i.id());
    }
}
