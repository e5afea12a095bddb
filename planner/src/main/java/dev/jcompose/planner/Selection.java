package dev.jcompose.planner;

import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The services a command names, with everything they depend on; the loader has checked that the names exist. */
public final class Selection {
    private Selection() {}

    public static Project withDependencies(Project project, List<String> names) {
        if (names.isEmpty()) return project;
        Set<String> keep = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String n = todo.poll();
            Service s = project.service(n);
            if (s != null && keep.add(n)) todo.addAll(s.dependsOn().keySet());
        }
        return project.withServices(keep);
    }
}
