package dev.jcompose.api;

import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** What a stack for tests changes in the project it loaded, before anything reaches the engine: pure functions. */
final class StackProjects {
    private StackProjects() {}

    /**
     * Every published port becomes an ephemeral one the engine chooses, so two stacks of one file never collide on a
     * host port; the container port, protocol and host address stay.
     */
    static Project randomHostPorts(Project project) {
        return map(project, s -> s.withPorts(s.ports().stream()
                .map(p -> new PortConfig(p.hostIp(), null, p.target(), p.protocol(), p.mode())).toList()));
    }

    /** Every service's containers carry these labels too (the owner label the sweep reads). */
    static Project withLabels(Project project, SortedMap<String, String> labels) {
        return map(project, s -> {
            SortedMap<String, String> merged = new TreeMap<>(s.labels());
            merged.putAll(labels);
            return s.withLabels(merged);
        });
    }

    private static Project map(Project project, UnaryOperator<Service> change) {
        SortedMap<String, Service> services = new TreeMap<>();
        project.services().forEach((name, s) -> services.put(name, change.apply(s)));
        return new Project(project.name(), project.workingDir(), project.configFiles(), services, project.networks(),
                project.volumes(), project.extensions(), project.secrets(), project.configs());
    }

    /** The services' names, for a message that names what exists. */
    static List<String> names(Project project) {
        return List.copyOf(project.services().keySet());
    }
}
