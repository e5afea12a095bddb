package dev.jcompose.planner;

import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceDependency;
import dev.jcompose.spec.model.ServiceNetwork;
import dev.jcompose.spec.model.ServiceVolume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns a service into the container specs for its replicas: names, labels, resolved networks and volumes. */
public final class ContainerSpecs {
    private ContainerSpecs() {}

    /** {@code container_name}, or {@code <project>-<service>-<n>} as docker compose v2 names them. */
    public static String containerName(Project project, Service service, int number) {
        if (service.containerName() != null) return service.containerName();
        return project.name() + "-" + service.name() + "-" + number;
    }

    /**
     * @param imageId the id the service's image has on the engine, or null when it is not there yet (it is pulled by
     *                this plan): docker compose v2 labels a container with it, and recreates one whose label differs
     */
    public static ContainerSpec of(Project project, Service service, int number, String configHash, String imageId) {
        SortedMap<String, String> labels = new TreeMap<>(service.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.SERVICE, service.name());
        labels.put(Labels.CONTAINER_NUMBER, String.valueOf(number));
        labels.put(Labels.ONEOFF, "False");
        labels.put(Labels.CONFIG_HASH, configHash);
        labels.put(Labels.WORKING_DIR, project.workingDir().toString());
        labels.put(Labels.CONFIG_FILES, project.configFiles().stream().map(Object::toString).collect(Collectors.joining(",")));
        labels.put(Labels.DEPENDS_ON, dependsOnLabel(service));
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        String image = ImagePlanner.imageName(project, service);
        labels.put(Labels.IMAGE, imageId != null ? imageId : image);

        List<ContainerSpec.PortBinding> ports = new ArrayList<>();
        for (PortConfig p : service.ports()) {
            ports.add(new ContainerSpec.PortBinding(p.hostIp(), p.published(), p.target(), p.protocol()));
        }
        List<ContainerSpec.MountSpec> mounts = new ArrayList<>();
        for (ServiceVolume v : service.volumes()) {
            String source = v.source();
            if (v.type().equals(ServiceVolume.VOLUME) && source != null) source = project.volumes().get(source).name();
            mounts.add(new ContainerSpec.MountSpec(v.type(), source, v.target(), v.readOnly(), v.createHostPath(),
                    v.propagation(), v.selinux(), v.noCopy(), v.subpath(), v.tmpfsSize(), v.tmpfsMode(), v.recursive(),
                    v.volumeLabels()));
        }
        FileReferences files = FileReferences.of(project, service);
        mounts.addAll(files.mounts());
        // as docker compose's getRestartPolicy: deploy.restart_policy, when there, wins over restart
        String restart = service.options().lifecycle().deployRestart() != null ? service.options().lifecycle().deployRestart() : service.restart();
        boolean ownNetworking = service.options().isolation().network() != null;
        return new ContainerSpec(containerName(project, service, number), service.name(), number, image,
                service.command(), service.entrypoint(), service.environment(), labels, ports, mounts,
                ownNetworking ? Map.of() : networks(project, service, containerName(project, service, number)), restart, service.workingDir(), service.user(),
                service.hostname(), service.init(), service.tty(), service.stdinOpen(), service.healthcheck(), service.resources(),
                References.resolve(project, service.options()), files.copies());
    }

    /**
     * A one-off container of {@code run}: the service's container (its {@link RunOverrides} already applied) with
     * compose's one-off name and labels and no restart policy. On its networks its own name is its only alias, as
     * docker compose v2 attaches a one-off; with {@code useAliases} the service's name and aliases follow it, so that
     * the one-off answers for the service.
     *
     * @param slug a random hex string from the caller (the planner stays free of randomness)
     * @param name {@code --name}, or null for {@code <project>-<service>-run-<slug's first 12>}; the service's
     *             {@code container_name} is never a one-off's, which would clash with the service's own container
     */
    public static ContainerSpec oneOff(Project project, Service service, String imageId, String slug, String name,
                                       boolean useAliases) {
        ContainerSpec base = of(project, service, 1, ConfigHasher.hash(project, service), imageId);
        SortedMap<String, String> labels = new TreeMap<>(base.labels());
        labels.put(Labels.ONEOFF, "True");
        labels.put(Labels.PREFIX + "slug", slug);
        labels.remove(Labels.CONTAINER_NUMBER);
        String own = name != null ? name : project.name() + "-" + service.name() + "-run-" + slug.substring(0, Math.min(12, slug.length()));
        Map<String, ContainerSpec.NetworkAttachment> networks = new LinkedHashMap<>();
        if (!base.networks().isEmpty()) {
            networks(project, service, own).forEach((network, a) -> networks.put(network, new ContainerSpec.NetworkAttachment(
                    useAliases ? a.aliases() : List.of(own), a.ipv4Address(), a.ipv6Address(), a.linkLocalIps(),
                    a.macAddress(), a.driverOpts(), a.gwPriority())));
        }
        return new ContainerSpec(own, service.name(), 0, base.image(), base.command(), base.entrypoint(),
                base.environment(), labels, base.ports(), base.mounts(), networks, null, base.workingDir(), base.user(),
                base.hostname(), base.init(), base.tty(), base.stdinOpen(), base.healthcheck(), base.resources(),
                base.options(), base.files());
    }

    /**
     * Networks by priority (highest first), then by key, as compose orders them; the service name is always an
     * alias, so that other services reach it by name.
     */
    static Map<String, ContainerSpec.NetworkAttachment> networks(Project project, Service service) {
        return networks(project, service, null);
    }

    /** @param containerName the container's own name, which docker compose v2 makes its first alias; or null */
    static Map<String, ContainerSpec.NetworkAttachment> networks(Project project, Service service, String containerName) {
        Map<String, ContainerSpec.NetworkAttachment> out = new LinkedHashMap<>();
        service.networks().entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, ServiceNetwork>>comparingInt(e -> -e.getValue().priority())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    List<String> aliases = new ArrayList<>();
                    if (containerName != null) aliases.add(containerName);
                    if (!aliases.contains(service.name())) aliases.add(service.name());
                    for (String a : e.getValue().aliases()) if (!aliases.contains(a)) aliases.add(a);
                    ServiceNetwork n = e.getValue();
                    out.put(project.networks().get(e.getKey()).name(), new ContainerSpec.NetworkAttachment(aliases,
                            n.ipv4Address(), n.ipv6Address(), n.linkLocalIps(), n.macAddress(), n.driverOpts(), n.gwPriority()));
                });
        return out;
    }

    /** {@code db:service_started:false,...}, the form docker compose writes in its depends_on label. */
    static String dependsOnLabel(Service service) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, ServiceDependency> d : service.dependsOn().entrySet()) {
            parts.add(d.getKey() + ":" + d.getValue().condition() + ":" + d.getValue().restart());
        }
        return String.join(",", parts);
    }
}
