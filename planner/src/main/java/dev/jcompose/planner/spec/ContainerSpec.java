package dev.jcompose.planner.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one create-container call sends: the engine-level form of a service's container, names resolved.
 *
 * @param command        null to keep the image's CMD
 * @param entrypoint     null to keep the image's ENTRYPOINT
 * @param networks       engine network name to attachment, in the order to attach: the first is the one the
 *                       container is created on, the others are connected before it starts
 * @param restartPolicy  compose's restart word ({@code no}, {@code always}, {@code on-failure:3}...), or null
 * @param healthcheck    null to keep the image's
 * @param resources      memory, CPU and process limits ({@link dev.jcompose.spec.model.Resources#NONE} for none)
 */
public record ContainerSpec(
        String name,
        String service,
        int number,
        String image,
        List<String> command,
        List<String> entrypoint,
        SortedMap<String, String> environment,
        SortedMap<String, String> labels,
        List<PortBinding> ports,
        List<MountSpec> mounts,
        Map<String, NetworkAttachment> networks,
        String restartPolicy,
        String workingDir,
        String user,
        String hostname,
        Boolean init,
        boolean tty,
        boolean stdinOpen,
        dev.jcompose.spec.model.Healthcheck healthcheck,
        dev.jcompose.spec.model.Resources resources) {

    public ContainerSpec {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        ports = List.copyOf(ports);
        mounts = List.copyOf(mounts);
        networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
        if (resources == null) resources = dev.jcompose.spec.model.Resources.NONE;
    }

    public ContainerSpec withName(String newName) {
        return new ContainerSpec(newName, service, number, image, command, entrypoint, environment, labels, ports, mounts,
                networks, restartPolicy, workingDir, user, hostname, init, tty, stdinOpen, healthcheck, resources);
    }

    public ContainerSpec withMounts(List<MountSpec> newMounts) {
        return new ContainerSpec(name, service, number, image, command, entrypoint, environment, labels, ports, newMounts,
                networks, restartPolicy, workingDir, user, hostname, init, tty, stdinOpen, healthcheck, resources);
    }

    /** The same container with its standard input kept open (or not) and a TTY (or not). */
    public ContainerSpec withStdio(boolean openStdin, boolean withTty) {
        return new ContainerSpec(name, service, number, image, command, entrypoint, environment, labels, ports, mounts,
                networks, restartPolicy, workingDir, user, hostname, init, withTty, openStdin, healthcheck, resources);
    }

    /** The network the container is created on, or null for none. */
    public String primaryNetwork() {
        return networks.isEmpty() ? null : networks.keySet().iterator().next();
    }

    /** A host port binding; {@code hostPort} null lets the engine choose. */
    public record PortBinding(String hostIp, Integer hostPort, int containerPort, String protocol) {}

    /**
     * A mount.
     *
     * @param type   {@code volume}, {@code bind} or {@code tmpfs}
     * @param source the engine volume name, the absolute host path, or null for an anonymous volume
     */
    public record MountSpec(String type, String source, String target, boolean readOnly) {}

    /** A container's place on one network. */
    public record NetworkAttachment(List<String> aliases, String ipv4Address) {
        public NetworkAttachment {
            aliases = List.copyOf(aliases);
        }
    }
}
