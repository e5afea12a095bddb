package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.ContainerOptions;
import dev.jcompose.spec.model.Isolation;
import dev.jcompose.spec.model.Namespace;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceDependency;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The dependencies a service has without naming them in {@code depends_on}, as compose-go's normaliser adds them:
 * another service's namespace ({@code network_mode}, {@code ipc}, {@code pid}: {@code service:X}), its volumes
 * ({@code volumes_from: [X]}) and {@code links}. Each becomes {@code service_started}, so X is created and started
 * first and {@code config} shows the edge.
 */
final class ImpliedDependencies {
    private ImpliedDependencies() {}

    static Service add(Service service) {
        SortedMap<String, ServiceDependency> implied = of(service);
        if (implied.isEmpty()) return service;
        SortedMap<String, ServiceDependency> deps = new TreeMap<>(service.dependsOn());
        implied.forEach((name, dependency) -> {
            if (!name.equals(service.name())) deps.putIfAbsent(name, dependency);
        });
        return service.withDependsOn(deps);
    }

    /**
     * As compose-go's normaliser: a shared namespace and a link restart with their service (restart: true), shared
     * volumes do not.
     */
    static SortedMap<String, ServiceDependency> of(Service service) {
        ContainerOptions o = service.options();
        SortedMap<String, ServiceDependency> out = new TreeMap<>();
        ServiceDependency restarting = new ServiceDependency(ServiceDependency.STARTED, true, true);
        Isolation i = o.isolation();
        for (Namespace ns : new Namespace[] {i.network(), i.ipc(), i.pid(), Namespace.parse(i.uts()), Namespace.parse(i.cgroup())}) {
            String s = Namespace.service(ns);
            if (s != null) out.put(s, restarting);
        }
        for (String link : o.lookup().links()) out.put(link.split(":", 2)[0], restarting);
        for (String from : o.volumesFrom()) {
            if (!from.startsWith("container:")) out.putIfAbsent(from.split(":", 2)[0], ServiceDependency.started());
        }
        return out;
    }
}
