package dev.jcompose.planner;

import dev.jcompose.spec.model.ContainerOptions;
import dev.jcompose.spec.model.HostLookup;
import dev.jcompose.spec.model.Isolation;
import dev.jcompose.spec.model.Namespace;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's references to other services, made references to their containers, as docker compose resolves them
 * at create: {@code network_mode}/{@code ipc}/{@code pid: service:X} → {@code container:<X's first container>},
 * {@code volumes_from: [X:ro]} → {@code <container>:ro}, {@code links: [X:alias]} → {@code <container>:alias}.
 * X's first container is number 1 (or its {@code container_name}): X is created first, being a dependency.
 */
final class References {
    private References() {}

    static ContainerOptions resolve(Project project, ContainerOptions o) {
        Isolation i = o.isolation();
        Isolation isolation = new Isolation(namespace(project, i.network()), namespace(project, i.ipc()), namespace(project, i.pid()),
                i.uts(), i.cgroup(), i.cgroupParent(), i.usernsMode(), i.isolation(), i.runtime(), i.platform());
        List<String> volumesFrom = new ArrayList<>();
        for (String from : o.volumesFrom()) {
            if (from.startsWith("container:")) {
                volumesFrom.add(from.substring("container:".length()));
                continue;
            }
            String[] parts = from.split(":", 2);
            volumesFrom.add(firstContainer(project, parts[0]) + (parts.length > 1 ? ":" + parts[1] : ""));
        }
        // as docker compose's getLinks: each container of the linked service by its alias, <service>-<n> and
        // <project>-<service>-<n> (n the linked container's own number)
        List<String> links = new ArrayList<>();
        for (String link : o.lookup().links()) {
            String[] parts = link.split(":", 2);
            String alias = parts.length > 1 ? parts[1] : parts[0];
            Service linked = project.service(parts[0]);
            int replicas = linked == null ? 1 : Math.max(1, linked.scale());
            for (int n = 1; n <= replicas; n++) {
                String container = linked == null ? project.name() + "-" + parts[0] + "-" + n : ContainerSpecs.containerName(project, linked, n);
                for (String name : new String[] {alias, parts[0] + "-" + n, project.name() + "-" + parts[0] + "-" + n}) {
                    String entry = container + ":" + name;
                    if (!links.contains(entry)) links.add(entry);
                }
            }
        }
        for (String link : o.lookup().externalLinks()) {
            String[] parts = link.split(":", 2);
            links.add(parts[0] + ":" + (parts.length > 1 ? parts[1] : parts[0]));
        }
        HostLookup l = o.lookup();
        HostLookup lookup = new HostLookup(l.dns(), l.dnsSearch(), l.dnsOpt(), l.extraHosts(), l.domainname(), l.macAddress(),
                links, List.of());
        return new ContainerOptions(isolation, o.security(), lookup, o.lifecycle(), o.resources(), o.devices(), o.healthcheck(),
                o.logging(), o.sysctls(), o.ulimits(), o.storageOpt(), o.annotations(), o.tmpfs(), o.expose(), volumesFrom,
                o.configs(), o.secrets());
    }

    private static Namespace namespace(Project project, Namespace ns) {
        if (ns instanceof Namespace.OfService s) return new Namespace.OfContainer(firstContainer(project, s.service()));
        return ns;
    }

    /** The name of a service's first container; a service outside the project (filtered out) keeps compose's name. */
    static String firstContainer(Project project, String serviceName) {
        Service service = project.service(serviceName);
        if (service != null) return ContainerSpecs.containerName(project, service, 1);
        return project.name() + "-" + serviceName + "-1";
    }
}
