package dev.jcompose.spec.model;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A resolved Compose project: every file merged, interpolated and bound. Immutable, and sorted by name wherever
 * order could reach output or a hash.
 *
 * @param workingDir  the project directory: relative paths were resolved against it
 * @param configFiles the files it was read from, absolute, in the order given
 * @param extensions  top-level {@code x-*} keys, and {@code secrets} and {@code configs} as plain values for {@code config}
 * @param secrets     top-level secrets, typed
 * @param configs     top-level configs, typed
 */
public record Project(
        String name,
        Path workingDir,
        List<Path> configFiles,
        SortedMap<String, Service> services,
        SortedMap<String, NetworkConfig> networks,
        SortedMap<String, VolumeConfig> volumes,
        SortedMap<String, Object> extensions,
        SortedMap<String, FileSource> secrets,
        SortedMap<String, FileSource> configs) {

    public Project {
        configFiles = List.copyOf(configFiles);
        services = Collections2.sortedCopy(services);
        networks = Collections2.sortedCopy(networks);
        volumes = Collections2.sortedCopy(volumes);
        extensions = Collections2.sortedCopy(extensions);
        secrets = Collections2.sortedCopy(secrets);
        configs = Collections2.sortedCopy(configs);
    }

    public Service service(String serviceName) {
        return services.get(serviceName);
    }

    /** The same project keeping only the named services (for commands that take service names). */
    public Project withServices(Collection<String> keep) {
        SortedMap<String, Service> kept = new TreeMap<>();
        for (String s : keep) if (services.containsKey(s)) kept.put(s, services.get(s));
        return new Project(name, workingDir, configFiles, kept, networks, volumes, extensions, secrets, configs);
    }

    /** The same project with {@code service} in place of the one of its name (a command's overrides of it). */
    public Project withService(Service service) {
        if (!services.containsKey(service.name())) throw new IllegalArgumentException("no service \"" + service.name() + "\"");
        SortedMap<String, Service> replaced = new TreeMap<>(services);
        replaced.put(service.name(), service);
        return new Project(name, workingDir, configFiles, replaced, networks, volumes, extensions, secrets, configs);
    }
}
