package dev.jcompose.spec;

import dev.jcompose.spec.model.Project;
import java.util.List;
import java.util.SortedMap;

/**
 * The result of a load: the project, the warnings a person should see (unset variables, obsolete keys), and the
 * environment it was interpolated with (process environment over {@code .env}).
 */
public record LoadedProject(Project project, List<String> warnings, SortedMap<String, String> environment) {
    public LoadedProject {
        warnings = List.copyOf(warnings);
    }
}
