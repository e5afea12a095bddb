package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.ContainerOptions;
import dev.jcompose.spec.model.Namespace;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceDependency;
import java.util.ArrayList;
import java.util.List;
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
        List<String> implied = of(service);
        if (implied.isEmpty()) return service;
        SortedMap<String, ServiceDependency> deps = new TreeMap<>(service.dependsOn());
        for (String name : implied) {
            if (!name.equals(service.name())) deps.putIfAbsent(name, ServiceDependency.started());
        }
        return service.withDependsOn(deps);
    }

    static List<String> of(Service service) {
        ContainerOptions o = service.options();
        List<String> out = new ArrayList<>();
        for (Namespace ns : new Namespace[] {o.isolation().network(), o.isolation().ipc(), o.isolation().pid()}) {
            String s = Namespace.service(ns);
            if (s != null) out.add(s);
        }
        for (String from : o.volumesFrom()) {
            if (!from.startsWith("container:")) out.add(from.split(":", 2)[0]);
        }
        for (String link : o.lookup().links()) out.add(link.split(":", 2)[0]);
        return out;
    }
}
