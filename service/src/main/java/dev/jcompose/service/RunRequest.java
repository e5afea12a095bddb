package dev.jcompose.service;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code run SERVICE [COMMAND...]} is asked to do.
 *
 * @param command     empty for the service's own
 * @param environment added to the service's ({@code -e})
 * @param detach      start it in the background and return its name; otherwise attach, start, wait for its exit
 * @param openStdin   attached: the container reads the caller's input stream until it ends
 * @param tty         attached: on a pseudo-terminal
 * @param remove      {@code --rm}: removed once it has exited (attached)
 */
public record RunRequest(String service, List<String> command, SortedMap<String, String> environment, boolean servicePorts,
                         boolean noDeps, boolean detach, boolean openStdin, boolean tty, boolean remove) {
    public RunRequest {
        Objects.requireNonNull(service, "service");
        command = List.copyOf(command);
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }

    public static RunRequest attached(String service, List<String> command, Map<String, String> environment) {
        return new RunRequest(service, command, new TreeMap<>(environment), false, false, false, false, false, true);
    }
}
