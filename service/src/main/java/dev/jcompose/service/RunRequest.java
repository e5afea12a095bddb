package dev.jcompose.service;

import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.RunOptions;
import dev.jcompose.planner.RunOverrides;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code run SERVICE [COMMAND...]} is asked to do.
 *
 * @param overrides  what the flags change in the service the one-off is made of (command, ports, volumes...)
 * @param name       {@code --name}, or null for compose's one-off name
 * @param useAliases {@code --use-aliases}: the one-off takes the service's network aliases (by default, only its name)
 * @param options    dependencies, pulls and orphans
 * @param build      which images are built first ({@code --build}: {@link BuildOptions.When#ALWAYS})
 * @param detach     start it in the background and return its name; otherwise attach, start, wait for its exit
 * @param openStdin  attached: the container reads the caller's input stream until it ends
 * @param tty        attached: on a pseudo-terminal
 * @param remove     {@code --rm}: removed once it has exited (attached)
 */
public record RunRequest(String service, RunOverrides overrides, String name, boolean useAliases, RunOptions options,
                         BuildOptions build, boolean detach, boolean openStdin, boolean tty, boolean remove) {
    public RunRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(build, "build");
        name = name == null || name.isEmpty() ? null : name;
    }

    /** Attached, removed afterwards, no stdin: a command's output and exit code, as a library caller wants them. */
    public static RunRequest attached(String service, List<String> command, Map<String, String> environment) {
        return new RunRequest(service, RunOverrides.of(command, environment), null, false, RunOptions.defaults(),
                BuildOptions.ifMissing(), false, false, false, true);
    }
}
