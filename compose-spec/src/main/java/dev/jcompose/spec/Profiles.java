package dev.jcompose.spec;

import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceDependency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Which services a run sees. A service without profiles is always enabled; one with profiles only when one of them
 * is active ({@code --profile}, else {@code COMPOSE_PROFILES}; {@code *} activates all). A service named on the
 * command line adds its own profiles to the active ones. A required dependency on a disabled service is an error;
 * an optional one ({@code required: false}) is dropped with a warning.
 */
public final class Profiles {
    private Profiles() {}

    /** The active profiles: the flags if any, else {@code COMPOSE_PROFILES} (comma-separated). */
    public static SortedSet<String> active(List<String> flags, Map<String, String> env) {
        SortedSet<String> out = new TreeSet<>();
        if (!flags.isEmpty()) {
            for (String f : flags) out.addAll(split(f));
        } else {
            out.addAll(split(env.getOrDefault("COMPOSE_PROFILES", "")));
        }
        return out;
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Every profile that some service names, enabled or not ({@code config --profiles}). */
    public static SortedSet<String> defined(Project project) {
        SortedSet<String> out = new TreeSet<>();
        for (Service s : project.services().values()) out.addAll(s.profiles());
        return out;
    }

    /**
     * @param where the location of a service's depends_on entry, for messages
     */
    public static Project apply(Project project, Set<String> activeProfiles, List<String> targets, Problems problems,
                                List<String> warnings, BiFunction<String, String, Location> where) {
        Set<String> active = new TreeSet<>(activeProfiles);
        for (String t : targets) {
            Service s = project.service(t);
            if (s != null) active.addAll(s.profiles());
        }
        boolean all = active.contains("*");
        SortedMap<String, Service> enabled = new TreeMap<>();
        for (Service s : project.services().values()) {
            if (s.profiles().isEmpty() || all || s.profiles().stream().anyMatch(active::contains)) enabled.put(s.name(), s);
        }
        for (Service s : new ArrayList<>(enabled.values())) {
            SortedMap<String, ServiceDependency> kept = new TreeMap<>(s.dependsOn());
            for (Map.Entry<String, ServiceDependency> d : s.dependsOn().entrySet()) {
                Service dep = project.service(d.getKey());
                if (dep == null || enabled.containsKey(d.getKey())) continue;
                String profiles = String.join(", ", dep.profiles());
                if (d.getValue().required()) {
                    problems.add(new Diagnostic(where.apply(s.name(), d.getKey()), "services." + s.name() + ".depends_on",
                            "depends on service \"" + d.getKey() + "\", which is disabled by its profiles (" + profiles + ")",
                            "enable one with --profile " + dep.profiles().get(0) + " (or COMPOSE_PROFILES), or mark the dependency required: false"));
                } else {
                    kept.remove(d.getKey());
                    warnings.add("service \"" + s.name() + "\" runs without its optional dependency \"" + d.getKey()
                            + "\", which is disabled by its profiles (" + profiles + ")");
                }
            }
            if (kept.size() != s.dependsOn().size()) enabled.put(s.name(), s.withDependsOn(kept));
        }
        return new Project(project.name(), project.workingDir(), project.configFiles(), enabled, project.networks(),
                project.volumes(), project.extensions(), project.secrets(), project.configs());
    }
}
