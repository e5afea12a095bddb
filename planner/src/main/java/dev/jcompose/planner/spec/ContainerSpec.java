package dev.jcompose.planner.spec;

import dev.jcompose.spec.model.ContainerOptions;
import dev.jcompose.spec.model.Healthcheck;
import dev.jcompose.spec.model.Resources;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * @param options        every other container setting, its references to other services resolved to container
 *                       names ({@code network_mode: service:db} is {@code container:<db's container>} here)
 * @param files          files written into the container after it is made (configs and secrets with a content)
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
        Healthcheck healthcheck,
        Resources resources,
        ContainerOptions options,
        List<FileCopy> files) {

    public ContainerSpec {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        ports = List.copyOf(ports);
        mounts = List.copyOf(mounts);
        networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
        if (resources == null) resources = Resources.NONE;
        if (options == null) options = ContainerOptions.NONE;
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A spec with no settings beyond the basic ones (tests, and engines that only need those). */
    public ContainerSpec(String name, String service, int number, String image, List<String> command, List<String> entrypoint,
                         SortedMap<String, String> environment, SortedMap<String, String> labels, List<PortBinding> ports,
                         List<MountSpec> mounts, Map<String, NetworkAttachment> networks, String restartPolicy,
                         String workingDir, String user, String hostname, Boolean init, boolean tty, boolean stdinOpen,
                         Healthcheck healthcheck, Resources resources) {
        this(name, service, number, image, command, entrypoint, environment, labels, ports, mounts, networks, restartPolicy,
                workingDir, user, hostname, init, tty, stdinOpen, healthcheck, resources, ContainerOptions.NONE, List.of());
    }

    public ContainerSpec withName(String newName) {
        return new ContainerSpec(newName, service, number, image, command, entrypoint, environment, labels, ports, mounts,
                networks, restartPolicy, workingDir, user, hostname, init, tty, stdinOpen, healthcheck, resources, options, files);
    }

    public ContainerSpec withMounts(List<MountSpec> newMounts) {
        return new ContainerSpec(name, service, number, image, command, entrypoint, environment, labels, ports, newMounts,
                networks, restartPolicy, workingDir, user, hostname, init, tty, stdinOpen, healthcheck, resources, options, files);
    }

    /** The same container with its standard input kept open (or not) and a TTY (or not). */
    public ContainerSpec withStdio(boolean openStdin, boolean withTty) {
        return new ContainerSpec(name, service, number, image, command, entrypoint, environment, labels, ports, mounts,
                networks, restartPolicy, workingDir, user, hostname, init, withTty, openStdin, healthcheck, resources, options, files);
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
     * @param type           {@code volume}, {@code bind} or {@code tmpfs}
     * @param source         the engine volume name, the absolute host path, or null for an anonymous volume
     * @param createHostPath a bind whose missing source the engine makes as a folder; false: a missing source is refused
     * @param propagation    a bind's propagation, or null
     * @param selinux        a bind's SELinux relabel ({@code z} or {@code Z}), or null
     * @param noCopy         a volume not filled from the image
     * @param subpath        the folder of a volume to mount, or null
     * @param tmpfsSize      bytes, or null
     * @param tmpfsMode      the mode of a tmpfs's root, or null
     * @param recursive      a bind's {@code recursive} ({@code disabled}, {@code writable}, {@code readonly}), or null
     * @param volumeLabels   labels of the anonymous volume the mount makes
     */
    public record MountSpec(String type, String source, String target, boolean readOnly, boolean createHostPath,
                            String propagation, String selinux, boolean noCopy, String subpath, Long tmpfsSize,
                            Integer tmpfsMode, String recursive, SortedMap<String, String> volumeLabels) {
        public MountSpec {
            volumeLabels = Collections.unmodifiableSortedMap(volumeLabels == null ? new TreeMap<>() : new TreeMap<>(volumeLabels));
        }

        public MountSpec(String type, String source, String target, boolean readOnly) {
            this(type, source, target, readOnly, true, null, null, false, null, null, null, null, null);
        }

        /** The same mount from another source (an anonymous volume carried over by name). */
        public MountSpec withSource(String newSource) {
            return new MountSpec(type, newSource, target, readOnly, createHostPath, propagation, selinux, noCopy, subpath,
                    tmpfsSize, tmpfsMode, recursive, volumeLabels);
        }
    }

    /**
     * A file written into the container after it is created: a config or secret given by content or by an
     * environment variable. Its text never shows in a plan or a log ({@link #toString()}).
     */
    public record FileCopy(String path, byte[] content, int mode, String uid, String gid) {
        @Override
        public String toString() {
            return "FileCopy[path=" + path + ", " + content.length + " bytes, mode=" + Integer.toOctalString(mode) + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FileCopy f && f.path.equals(path) && Arrays.equals(f.content, content) && f.mode == mode
                    && Objects.equals(f.uid, uid) && Objects.equals(f.gid, gid);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + Arrays.hashCode(content);
        }
    }

    /**
     * A container's place on one network.
     *
     * @param gwPriority which network gives the default gateway (highest wins); 0 by default
     */
    public record NetworkAttachment(List<String> aliases, String ipv4Address, String ipv6Address, List<String> linkLocalIps,
                                    String macAddress, SortedMap<String, String> driverOpts, int gwPriority) {
        public NetworkAttachment {
            aliases = List.copyOf(aliases);
            linkLocalIps = linkLocalIps == null ? List.of() : List.copyOf(linkLocalIps);
            driverOpts = Collections.unmodifiableSortedMap(driverOpts == null ? new TreeMap<>() : new TreeMap<>(driverOpts));
        }

        public NetworkAttachment(List<String> aliases, String ipv4Address) {
            this(aliases, ipv4Address, null, List.of(), null, null, 0);
        }
    }
}
