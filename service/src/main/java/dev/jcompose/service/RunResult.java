package dev.jcompose.service;

/**
 * How {@code run} ended.
 *
 * @param outcome   of preparing the one-off: its dependencies, images, networks and volumes, and its creation
 * @param container the one-off's name; null when it was not created
 * @param exitCode  its exit code when attached and it ran; 0 when detached or not run
 */
public record RunResult(Outcome outcome, String container, int exitCode) {}
