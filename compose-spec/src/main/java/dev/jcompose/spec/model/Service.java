package dev.jcompose.spec.model;

import dev.jcompose.spec.Diagnostic;
import java.util.List;
import java.util.SortedMap;

/**
 * One service, in canonical form: long syntax everywhere, environment and labels as sorted maps.
 *
 * @param command    null when the image's own CMD applies; otherwise the argv
 * @param entrypoint null when the image's own ENTRYPOINT applies
 * @param scale      the number of containers wanted ({@code scale} or {@code deploy.replicas}; 1 by default)
 * @param profiles   the profiles that enable the service; empty for a service that is always enabled
 * @param build      the {@code build} section as plain values, or null; images are built by a later slice
 * @param options    every other attribute that configures the containers, typed
 * @param ignored    the attributes present in the file that the local engine cannot honour (Swarm-only
 *                   {@code deploy} keys, {@code develop}...), each at its line: {@code up}, {@code create} and
 *                   {@code run} name them in a warning
 * @param extras     the canonical plain form of the attributes {@link #options} types, as {@code config} prints them,
 *                   and {@code x-*} extensions
 */
public record Service(
        String name,
        String image,
        Object build,
        List<String> command,
        List<String> entrypoint,
        SortedMap<String, String> environment,
        List<PortConfig> ports,
        List<ServiceVolume> volumes,
        SortedMap<String, ServiceNetwork> networks,
        SortedMap<String, ServiceDependency> dependsOn,
        SortedMap<String, String> labels,
        String restart,
        String containerName,
        String workingDir,
        String user,
        String hostname,
        Boolean init,
        boolean tty,
        boolean stdinOpen,
        int scale,
        List<String> profiles,
        ContainerOptions options,
        List<Diagnostic> ignored,
        SortedMap<String, Object> extras) {

    public Service {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = Collections2.sortedCopy(environment);
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
        networks = Collections2.sortedCopy(networks);
        dependsOn = Collections2.sortedCopy(dependsOn);
        labels = Collections2.sortedCopy(labels);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        if (options == null) options = ContainerOptions.NONE;
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
        extras = Collections2.sortedCopy(extras);
        if (scale < 0) throw new IllegalArgumentException("scale must not be negative: " + scale);
    }

    /** The build section, or null when the service has none. */
    public BuildConfig buildConfig() {
        return BuildConfig.from(build);
    }

    /** {@code pull_policy} as written ({@code missing} when absent); {@code if_not_present} means {@code missing}. */
    public String pullPolicy() {
        Object p = extras.get("pull_policy");
        if (p == null) return "missing";
        String policy = String.valueOf(p);
        return policy.equals("if_not_present") ? "missing" : policy;
    }

    /** Memory, CPU and process limits. */
    public Resources resources() {
        return options.resources();
    }

    /** The healthcheck this service sets, or null to keep the image's. */
    public Healthcheck healthcheck() {
        return options.healthcheck();
    }

    public Service withScale(int newScale) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, newScale, profiles,
                options, ignored, extras);
    }

    public Service withNetworks(SortedMap<String, ServiceNetwork> newNetworks) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, newNetworks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras);
    }

    public Service withDependsOn(SortedMap<String, ServiceDependency> newDependsOn) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, newDependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras);
    }

    public Service withPorts(List<PortConfig> newPorts) {
        return new Service(name, image, build, command, entrypoint, environment, newPorts, volumes, networks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras);
    }

    public Service withLabels(SortedMap<String, String> newLabels) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, dependsOn,
                newLabels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras);
    }
}
