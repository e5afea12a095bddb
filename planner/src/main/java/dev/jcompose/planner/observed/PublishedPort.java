package dev.jcompose.planner.observed;

/** A port of a container as the engine lists it; {@code publicPort} is null when it is not published. */
public record PublishedPort(String ip, Integer publicPort, int privatePort, String type) {}
