package dev.jcompose.cli;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.model.Project;
import java.util.List;
import java.util.Set;

/**
 * The project a reading command looks at: its name, and the services its files declare, or null for them when
 * there is no file and {@code -p} alone names it (docker compose's {@code projectOrName}).
 */
record ProjectScope(String name, List<String> services) {
    ProjectScope {
        services = services == null ? null : List.copyOf(services);
    }

    static ProjectScope of(RootCommand root, List<String> targets) {
        try {
            Project project = root.load(Set.of(), targets).project();
            return new ProjectScope(project.name(), List.copyOf(project.services().keySet()));
        } catch (ComposeException e) {
            // as RootCommand.projectNameForReading: -p without a file is enough to read a project's containers
            if (root.projectName == null || !root.files.isEmpty()) throw e;
            return new ProjectScope(root.projectName, null);
        }
    }
}
