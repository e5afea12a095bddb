package dev.jcompose.executor;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A command to run inside a running container ({@code exec}).
 *
 * @param user       null for the container's user
 * @param workingDir null for the container's working directory
 * @param detach     start it and return at once, without its output or exit code
 */
public record ExecSpec(List<String> command, String user, String workingDir, SortedMap<String, String> environment,
                       boolean privileged, boolean tty, boolean detach) {
    public ExecSpec {
        command = List.copyOf(command);
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }
}
