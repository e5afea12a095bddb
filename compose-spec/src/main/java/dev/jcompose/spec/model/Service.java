package dev.jcompose.spec.model;

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
 * @param extras     service keys of the Compose specification that jcompose keeps and prints but does not act
 *                   on yet, as plain values; {@link #unappliedKeys()} names them
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
        extras = Collections2.sortedCopy(extras);
        if (scale < 0) throw new IllegalArgumentException("scale must not be negative: " + scale);
    }

    /** Spec keys present in the file that jcompose does not apply to containers yet (x-* extensions excluded). */
    public List<String> unappliedKeys() {
        return extras.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("x-") && !APPLIED.contains(e.getKey()))
                .filter(e -> !(e.getKey().equals("deploy") && e.getValue() instanceof java.util.Map<?, ?> d
                        && APPLIED_DEPLOY.containsAll(d.keySet())))
                .map(java.util.Map.Entry::getKey).toList();
    }

    /** Keys kept in extras whose content is applied (folded into environment and labels, or read by an accessor). */
    private static final java.util.Set<String> APPLIED = java.util.Set.of("env_file", "label_file", "healthcheck",
            "pull_policy", "secrets", "mem_limit", "mem_reservation", "cpus", "pids_limit");

    /** The parts of {@code deploy} jcompose applies outside a swarm. */
    private static final java.util.Set<String> APPLIED_DEPLOY = java.util.Set.of("replicas", "resources");

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

    /** The secrets the service uses: the path inside the container (under /run/secrets by default) to the secret's name. */
    public SortedMap<String, String> secretTargets() {
        SortedMap<String, String> out = new java.util.TreeMap<>();
        if (!(extras.get("secrets") instanceof List<?> list)) return out;
        for (Object o : list) {
            String source = o instanceof java.util.Map<?, ?> m ? String.valueOf(m.get("source")) : String.valueOf(o);
            Object target = o instanceof java.util.Map<?, ?> m ? m.get("target") : null;
            String path = target == null ? source : String.valueOf(target);
            out.put(path.startsWith("/") ? path : "/run/secrets/" + path, source);
        }
        return out;
    }

    /** Resource limits from {@code deploy.resources} and the older service keys ({@code mem_limit}, {@code cpus}...). */
    public Resources resources() {
        return Resources.of(this);
    }

    /** The healthcheck this service sets, or null to keep the image's. */
    public Healthcheck healthcheck() {
        return Healthcheck.from(extras.get("healthcheck"));
    }

    public Service withScale(int newScale) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, newScale, profiles, extras);
    }

    public Service withNetworks(SortedMap<String, ServiceNetwork> newNetworks) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, newNetworks, dependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles, extras);
    }

    public Service withDependsOn(SortedMap<String, ServiceDependency> newDependsOn) {
        return new Service(name, image, build, command, entrypoint, environment, ports, volumes, networks, newDependsOn,
                labels, restart, containerName, workingDir, user, hostname, init, tty, stdinOpen, scale, profiles, extras);
    }
}
