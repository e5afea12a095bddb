package dev.jcompose.spec.model;

import java.util.List;
import java.util.SortedMap;

/** A lifecycle hook ({@code post_start}, {@code pre_stop}): a command run in the container, as an exec. */
public record Hook(List<String> command, String user, boolean privileged, String workingDir, SortedMap<String, String> environment) {
    public Hook {
        command = List.copyOf(command);
        environment = Collections2.sortedCopy(environment);
    }
}
