package dev.jcompose.executor;

import java.util.List;

/**
 * The processes running in a container, as the engine's top call lists them ({@code ps -ef} inside it).
 *
 * @param titles the columns, as the engine names them (typically UID PID PPID C STIME TTY TIME CMD)
 * @param rows   one row per process, a value per title
 */
public record ContainerProcesses(List<String> titles, List<List<String>> rows) {
    public ContainerProcesses {
        titles = List.copyOf(titles);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
