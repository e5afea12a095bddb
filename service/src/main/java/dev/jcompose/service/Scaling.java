package dev.jcompose.service;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Location;
import dev.jcompose.spec.Suggestions;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@code SERVICE=NUM} arguments ({@code up --scale}, {@code scale}) applied over the file's scale. */
public final class Scaling {
    private Scaling() {}

    public static Project apply(Project project, List<String> specs) {
        if (specs.isEmpty()) return project;
        SortedMap<String, Service> services = new TreeMap<>(project.services());
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            int n;
            try {
                n = eq < 0 ? -1 : Integer.parseInt(spec.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (eq <= 0 || n < 0) {
                throw new ComposeException(new Diagnostic(Location.UNKNOWN, "", "invalid scale \"" + spec + "\"", "write SERVICE=NUM, e.g. web=3"));
            }
            String name = spec.substring(0, eq).strip();
            Service s = services.get(name);
            if (s == null) {
                throw new ComposeException(new Diagnostic(Location.UNKNOWN, "", "no such service: " + name,
                        Suggestions.didYouMean(name, services.keySet())));
            }
            if (s.containerName() != null && n > 1) {
                throw new ComposeException(new Diagnostic(Location.UNKNOWN, "", "service " + name + " has container_name "
                        + s.containerName() + " and cannot be scaled to " + n, "container names are unique"));
            }
            services.put(name, s.withScale(n));
        }
        return new Project(project.name(), project.workingDir(), project.configFiles(), services, project.networks(),
                project.volumes(), project.extensions(), project.secrets(), project.configs());
    }

    /** The service names of {@code SERVICE=NUM} arguments. */
    public static List<String> services(List<String> specs) {
        return specs.stream().map(s -> s.contains("=") ? s.substring(0, s.indexOf('=')).strip() : s).toList();
    }
}
