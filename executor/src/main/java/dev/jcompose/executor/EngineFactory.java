package dev.jcompose.executor;

import java.util.Map;

/** Connects to an engine; the CLI is given one, so tests can hand it an in-memory engine. */
@FunctionalInterface
public interface EngineFactory {
    /** @param environment the process environment ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}) */
    Engine connect(Map<String, String> environment);
}
