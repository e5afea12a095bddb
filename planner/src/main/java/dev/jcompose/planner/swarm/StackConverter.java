package dev.jcompose.planner.swarm;

import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.Stack;
import dev.jcompose.planner.swarm.spec.StackService;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.model.NetworkConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code Project -> Stack}: the mapping of docker cli's {@code cli/compose/convert} ({@code service.go},
 * {@code compose.go}, {@code volume.go}), pure. Every attribute a swarm cannot honour is a warning in
 * {@link Stack#diagnostics()} or an error, at its file:line.
 */
public final class StackConverter {
    /** docker stack's driver for a network that names none. */
    static final String OVERLAY = "overlay";

    private StackConverter() {
    }

    /**
     * @param project the loaded project, profiles already applied
     * @param images  per compose service, the image to run instead of the file's ({@code build:} services: the
     *                content-tagged or digest-pinned image the service layer made); may be empty
     * @param reader  reads {@code file:} sources of configs and secrets
     * @throws ComposeException the project cannot go on a swarm; every problem at its line
     */
    public static Stack convert(Project project, SortedMap<String, String> images, ContentReader reader) {
        Conversion c = new Conversion(project);
        StackObjects configs = StackObjects.of(ObjectSpec.Kind.CONFIG, c, reader);
        StackObjects secrets = StackObjects.of(ObjectSpec.Kind.SECRET, c, reader);
        ServiceSpecs specs = new ServiceSpecs(c, configs, secrets);
        SortedMap<String, StackService> services = new TreeMap<>();
        SortedSet<String> used = new TreeSet<>();
        for (Service s : project.services().values()) {
            String image = images.getOrDefault(s.name(), s.image());
            if (image == null) {
                c.error(s, "build", "service " + s.name() + " has no image: a swarm runs images only (deploy builds a "
                        + "build: service's image first)");
                continue;
            }
            used.addAll(ServiceSpecs.attachments(s).keySet());
            services.put(s.name(), specs.convert(s, image));
        }
        SortedMap<String, NetworkSpec> networks = new TreeMap<>();
        SortedSet<String> externalNetworks = new TreeSet<>();
        for (String key : used) {
            NetworkConfig n = project.networks().get(key);
            if (n == null && key.equals("default")) {
                n = new NetworkConfig(c.scope(key), null, new TreeMap<>(), new TreeMap<>(), false, false, false, null, null, null);
            }
            if (n == null) continue; // reported by the service
            String name = n.name() != null ? n.name() : c.scope(key);
            if (n.external()) {
                externalNetworks.add(name);
                continue;
            }
            networks.put(name, network(c, key, name, n));
        }
        if (!c.errors().isEmpty()) throw new ComposeException(c.errors());
        return new Stack(project.name(), services, networks, configs.byName, secrets.byName, externalNetworks,
                configs.external, secrets.external, c.warnings());
    }

    /** docker cli's {@code convert.Networks}: the file's network with the stack label, overlay unless it names a driver. */
    private static NetworkSpec network(Conversion c, String key, String name, NetworkConfig n) {
        SortedMap<String, String> labels = new TreeMap<>(n.labels());
        labels.put(StackLabels.NAMESPACE, c.namespace());
        String driver = n.driver() == null || n.driver().isEmpty() ? OVERLAY : n.driver();
        if (!driver.equals(OVERLAY)) {
            c.warn("networks." + key + ".driver", "driver " + driver + " is not overlay: a swarm service's network must span "
                    + "the nodes (the engine may refuse it)");
        }
        return new NetworkSpec(name, driver, n.driverOpts(), labels, n.internal(), n.attachable(), n.enableIpv6(),
                NetworkSpec.Ipam.from(n.ipam()));
    }
}
