package dev.jcompose.service;

import dev.jcompose.planner.DownOptions;
import java.util.Objects;

/** What {@code down} is asked to do: the plan's options, which images go too ({@code --rmi}), and whether to change anything. */
public record DownRequest(DownOptions options, RemoveImages removeImages, boolean dryRun) {
    /** {@code --rmi}: none, {@code local} (images without a custom tag), {@code all}. */
    public enum RemoveImages { NONE, LOCAL, ALL }

    public DownRequest {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(removeImages, "removeImages");
    }
}
