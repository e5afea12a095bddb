package dev.jcompose.executor;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A command to run inside a running container ({@code exec}).
 *
 * @param user       null for the container's user
 * @param workingDir null for the container's working directory
 * @param detach     start it and return at once, without its output or exit code
 * @param sizes      with a TTY, the local terminal's size, which the exec's TTY follows
 */
public record ExecSpec(List<String> command, String user, String workingDir, SortedMap<String, String> environment,
                       boolean privileged, boolean tty, boolean detach, TerminalSizes sizes) {
    public ExecSpec {
        command = List.copyOf(command);
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        Objects.requireNonNull(sizes, "sizes");
    }

    /** A command with no terminal to follow. */
    public ExecSpec(List<String> command, String user, String workingDir, SortedMap<String, String> environment,
                    boolean privileged, boolean tty, boolean detach) {
        this(command, user, workingDir, environment, privileged, tty, detach, TerminalSizes.NONE);
    }
}
