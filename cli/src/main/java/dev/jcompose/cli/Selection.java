package dev.jcompose.cli;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Location;
import dev.jcompose.spec.Suggestions;
import dev.jcompose.spec.model.Project;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The services a command names, with everything they depend on. */
final class Selection {
    private Selection() {}

    static Project withDependencies(Project project, List<String> names) {
        if (names.isEmpty()) return project;
        Set<String> keep = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String n : names) {
            if (!project.services().containsKey(n)) {
                throw new ComposeException(new Diagnostic(Location.UNKNOWN, "", "no such service: " + n,
                        Suggestions.didYouMean(n, project.services().keySet())));
            }
            todo.add(n);
        }
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (keep.add(n)) todo.addAll(project.service(n).dependsOn().keySet());
        }
        return project.withServices(keep);
    }
}
