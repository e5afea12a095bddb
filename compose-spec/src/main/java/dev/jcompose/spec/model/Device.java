package dev.jcompose.spec.model;

/** A host device made available in the container ({@code devices}); permissions {@code rwm} by default. */
public record Device(String source, String target, String permissions) {}
