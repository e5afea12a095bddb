package dev.jcompose.executor;

/**
 * @param apiVersion the API version requests are made with: the lower of the engine's and jcompose's newest
 */
public record EngineInfo(String engineVersion, String apiVersion, String host) {}
