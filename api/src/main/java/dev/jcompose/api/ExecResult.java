package dev.jcompose.api;

/** How a command run in a service's container ended, and what it wrote (UTF-8). */
public record ExecResult(int exitCode, String stdout, String stderr) {}
