package dev.jcompose.planner.swarm;

import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Location;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.List;

/** One conversion under way: the project, its namespace, and the warnings and errors met so far. */
final class Conversion {
    private final Project project;
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final List<Diagnostic> errors = new ArrayList<>();

    Conversion(Project project) {
        this.project = project;
    }

    Project project() {
        return project;
    }

    String namespace() {
        return project.name();
    }

    /** {@code <project>_<name>}, as docker stack's {@code Namespace.Scope}. */
    String scope(String name) {
        return project.name() + "_" + name;
    }

    void warn(Service s, String path, String message) {
        warnings.add(new Diagnostic(s.locationOf(path), "services." + s.name() + "." + path, message));
    }

    void error(Service s, String path, String message) {
        errors.add(new Diagnostic(s.locationOf(path), "services." + s.name() + "." + path, message));
    }

    /** A problem of a top-level object ({@code configs.app}): the model keeps no line for those, the file is named. */
    void error(String path, String message) {
        errors.add(new Diagnostic(topLevel(), path, message));
    }

    /** A warning the loader already made, at its own place. */
    void warn(Diagnostic d) {
        warnings.add(d);
    }

    void warn(String path, String message) {
        warnings.add(new Diagnostic(topLevel(), path, message));
    }

    private Location topLevel() {
        return project.configFiles().isEmpty() ? Location.UNKNOWN : Location.of(project.configFiles().get(0).toString());
    }

    List<Diagnostic> warnings() {
        return warnings;
    }

    List<Diagnostic> errors() {
        return errors;
    }
}
