package dev.jcompose.spec.model;

import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Location;
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
 * @param deploy     the {@code deploy} section typed, as a swarm deploy reads it ({@link Deploy#NONE} without one)
 * @param locations  where each attribute of the service stands in its file, by its path under the service
 *                   ({@code container_name}, {@code volumes[0]}, {@code deploy.placement}): for warnings about it
 *                   made after the load (a swarm deploy's); empty for a service made in code
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
        SortedMap<String, Object> extras,
        Deploy deploy,
        SortedMap<String, Location> locations) {

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
        if (deploy == null) deploy = Deploy.NONE;
        locations = Collections2.sortedCopy(locations);
        if (scale < 0) throw new IllegalArgumentException("scale must not be negative: " + scale);
    }

    /** A service without a typed {@code deploy} section or locations (made in code, or for a hash). */
    public Service(String name, String image, Object build, List<String> command, List<String> entrypoint,
                   SortedMap<String, String> environment, List<PortConfig> ports, List<ServiceVolume> volumes,
                   SortedMap<String, ServiceNetwork> networks, SortedMap<String, ServiceDependency> dependsOn,
                   SortedMap<String, String> labels, String restart, String containerName, String workingDir,
                   String user, String hostname, Boolean init, boolean tty, boolean stdinOpen, int scale,
                   List<String> profiles, ContainerOptions options, List<Diagnostic> ignored,
                   SortedMap<String, Object> extras) {
        this(name, image, build, command, entrypoint, environment, ports, volumes, networks, dependsOn, labels, restart,
                containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles, options, ignored, extras,
                Deploy.NONE, null);
    }

    /** Where the attribute at {@code path} (under the service) stands, or {@link Location#UNKNOWN}. */
    public Location locationOf(String path) {
        Location at = locations.get(path);
        return at == null ? Location.UNKNOWN : at;
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
                options, ignored, extras, deploy, locations);
    }

    public Service withNetworks(SortedMap<String, ServiceNetwork> newNetworks) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, newNetworks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    public Service withDependsOn(SortedMap<String, ServiceDependency> newDependsOn) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, newDependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    public Service withPorts(List<PortConfig> newPorts) {
        return new Service(name, image, build, command, entrypoint, environment, newPorts, volumes, networks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    public Service withLabels(SortedMap<String, String> newLabels) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, dependsOn,
                newLabels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    /** {@code null} for the image's CMD. */
    public Service withCommand(List<String> newCommand) {
        return new Service(name, image, build, newCommand, entrypoint, environment, ports, volumes, networks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    /** {@code null} for the image's ENTRYPOINT; empty for none. */
    public Service withEntrypoint(List<String> newEntrypoint) {
        return new Service(name, image, build, command, newEntrypoint, environment, ports, volumes, networks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    /** The whole environment, replacing the service's. */
    public Service withEnvironment(SortedMap<String, String> newEnvironment) {
        return new Service(name, image, build, command, entrypoint, newEnvironment, ports, volumes, networks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    /** The whole list of mounts, replacing the service's. */
    public Service withVolumes(List<ServiceVolume> newVolumes) {
        return new Service(name, image, build, command, entrypoint, environment, ports, newVolumes, networks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    /** {@code null} for the image's user. */
    public Service withUser(String newUser) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, dependsOn,
                labels, restart, containerName, workingDir, newUser, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    /** {@code null} for the image's working directory. */
    public Service withWorkingDir(String newWorkingDir) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, dependsOn,
                labels, restart, containerName, newWorkingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                options, ignored, extras, deploy, locations);
    }

    /** The typed container settings, replacing the service's. */
    public Service withOptions(ContainerOptions newOptions) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles,
                newOptions, ignored, extras, deploy, locations);
    }
}
