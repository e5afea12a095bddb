package dev.jcompose.spec.model;

/** One {@code ulimits} entry; a single number sets both limits. */
public record Ulimit(long soft, long hard) {}
