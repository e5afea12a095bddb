package dev.jcompose.spec;

import dev.jcompose.spec.model.Project;
import java.util.List;
import java.util.SortedMap;

/**
 * The result of a load: the project, the warnings a person should see (unset variables, obsolete keys), and the
 * environment it was interpolated with (process environment over {@code .env}).
 *
 * @param project         the enabled services only (profiles applied)
 * @param definedProfiles every profile the files name, enabled or not
 */
public record LoadedProject(Project project, List<String> warnings, SortedMap<String, String> environment,
                            java.util.SortedSet<String> definedProfiles) {
    public LoadedProject {
        warnings = List.copyOf(warnings);
        definedProfiles = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(definedProfiles));
    }
}
