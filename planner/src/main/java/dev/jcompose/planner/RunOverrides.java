package dev.jcompose.planner;

import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Security;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceVolume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code run}'s flags change in the service before its one-off container is made from it, as docker compose v2's
 * {@code runOptions.apply} and {@code applyRunOptions} change it. Applied to the model ({@link #applyTo}), so that the
 * one-off's container request, config hash and resources come from one place, as the file's settings do.
 *
 * @param command     empty for the service's own
 * @param entrypoint  null for the service's own; empty for none ({@code --entrypoint ''}). Given without a command, it
 *                    also clears the service's command, as in docker compose: the file's command was written for the
 *                    file's entrypoint
 * @param environment added to the service's, winning over it ({@code -e})
 * @param ports       which ports the one-off publishes
 * @param volumes     mounted beside the service's ({@code -v}); one at a target the service already mounts something at
 *                    takes its place, as docker compose keys mounts by target
 * @param user        null (or empty) for the service's ({@code -u})
 * @param workingDir  null (or empty) for the service's ({@code -w})
 * @param labels      added to the service's, winning over it ({@code -l})
 * @param capAdd      added to {@code cap_add}, and taken out of {@code cap_drop} ({@code --cap-add})
 * @param capDrop     added to {@code cap_drop}, and taken out of {@code cap_add} (also of what {@code capAdd} added:
 *                    dropping wins, as docker compose applies the drops second)
 */
public record RunOverrides(List<String> command, List<String> entrypoint, SortedMap<String, String> environment, Ports ports,
                           List<ServiceVolume> volumes, String user, String workingDir, SortedMap<String, String> labels,
                           List<String> capAdd, List<String> capDrop) {

    /** {@code --service-ports} and {@code -p} exclude each other (as in docker compose), so they are one choice. */
    public sealed interface Ports {
        /** {@code --service-ports}: the service's {@code ports}. */
        record ServicePorts() implements Ports {}

        /** {@code -p} (none at all by default: a one-off does not take the service's host ports). */
        record Published(List<PortConfig> ports) implements Ports {
            public Published {
                ports = List.copyOf(ports);
            }
        }

        static Ports ofService() {
            return new ServicePorts();
        }

        static Ports published(List<PortConfig> ports) {
            return new Published(ports);
        }
    }

    public RunOverrides {
        command = List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        Objects.requireNonNull(ports, "ports");
        volumes = List.copyOf(volumes);
        user = user == null || user.isEmpty() ? null : user;
        workingDir = workingDir == null || workingDir.isEmpty() ? null : workingDir;
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
    }

    /** A plain {@code run SERVICE}: the service as it is, without its published ports. */
    public static RunOverrides none() {
        return new RunOverrides(List.of(), null, new TreeMap<>(), Ports.published(List.of()), List.of(), null, null,
                new TreeMap<>(), List.of(), List.of());
    }

    /** {@code run SERVICE COMMAND...} with {@code -e}, nothing else. */
    public static RunOverrides of(List<String> command, Map<String, String> environment) {
        RunOverrides none = none();
        return new RunOverrides(command, null, new TreeMap<>(environment), none.ports(), List.of(), null, null,
                new TreeMap<>(), List.of(), List.of());
    }

    /**
     * What the project cannot take, one message each: a named volume it does not declare. docker compose mounts such
     * a volume by its bare name, outside the project (made by the engine without compose's labels, so {@code down -v}
     * never removes it); jcompose asks for it to be declared, as the loader does in a file.
     */
    public List<String> problems(Project project) {
        List<String> out = new ArrayList<>();
        for (ServiceVolume v : volumes) {
            if (v.type().equals(ServiceVolume.VOLUME) && v.source() != null && !project.volumes().containsKey(v.source())) {
                out.add("volume \"" + v.source() + "\" (mounted at " + v.target() + ") is not declared in the project's"
                        + " volumes: declare it under the top-level volumes key, or give a path (./" + v.source() + ")");
            }
        }
        return out;
    }

    /** The project with {@code service} as these overrides make it; throws IllegalArgumentException on {@link #problems}. */
    public Project applyTo(Project project, String service) {
        List<String> problems = problems(project);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return project.withService(applyTo(project.service(service)));
    }

    /** The service as these overrides make it. */
    public Service applyTo(Service service) {
        Service s = service;
        if (!command.isEmpty()) s = s.withCommand(command);
        if (entrypoint != null) {
            s = s.withEntrypoint(entrypoint);
            if (command.isEmpty()) s = s.withCommand(List.of());
        }
        if (user != null) s = s.withUser(user);
        if (workingDir != null) s = s.withWorkingDir(workingDir);
        if (!environment.isEmpty()) {
            SortedMap<String, String> env = new TreeMap<>(s.environment());
            env.putAll(environment);
            s = s.withEnvironment(env);
        }
        if (!labels.isEmpty()) {
            SortedMap<String, String> all = new TreeMap<>(s.labels());
            all.putAll(labels);
            s = s.withLabels(all);
        }
        if (ports instanceof Ports.Published p) s = s.withPorts(p.ports());
        if (!volumes.isEmpty()) s = s.withVolumes(mounts(s.volumes()));
        if (!capAdd.isEmpty() || !capDrop.isEmpty()) s = s.withOptions(s.options().withSecurity(capabilities(s.options().security())));
        return s;
    }

    private List<ServiceVolume> mounts(List<ServiceVolume> own) {
        List<ServiceVolume> out = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        for (ServiceVolume v : volumes) targets.add(v.target());
        for (ServiceVolume v : own) if (!targets.contains(v.target())) out.add(v);
        out.addAll(volumes);
        return out;
    }

    private Security capabilities(Security security) {
        Set<String> add = new LinkedHashSet<>(security.capAdd());
        Set<String> drop = new LinkedHashSet<>(security.capDrop());
        add.addAll(capAdd);
        drop.removeAll(capAdd);
        drop.addAll(capDrop);
        add.removeAll(capDrop);
        return security.withCapabilities(List.copyOf(add), List.copyOf(drop));
    }
}
