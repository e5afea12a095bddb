package dev.jcompose.spec.output;

import dev.jcompose.spec.model.NetworkConfig;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceDependency;
import dev.jcompose.spec.model.ServiceNetwork;
import dev.jcompose.spec.model.ServiceVolume;
import dev.jcompose.spec.model.VolumeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A project as the plain tree {@code config} prints: the canonical long syntax, in the key order compose uses at
 * the top and sorted below it, with empty values left out. The same tree of a service is what its config hash is
 * computed from, so whatever {@code config} shows is exactly what a change is detected on.
 */
public final class ProjectTree {
    private ProjectTree() {}

    public static Map<String, Object> of(Project project) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", project.name());
        SortedMap<String, Object> services = new TreeMap<>();
        for (Service s : project.services().values()) services.put(s.name(), service(s));
        root.put("services", services);
        if (!project.networks().isEmpty()) {
            SortedMap<String, Object> networks = new TreeMap<>();
            project.networks().forEach((k, v) -> networks.put(k, network(v)));
            root.put("networks", networks);
        }
        if (!project.volumes().isEmpty()) {
            SortedMap<String, Object> volumes = new TreeMap<>();
            project.volumes().forEach((k, v) -> volumes.put(k, volume(v)));
            root.put("volumes", volumes);
        }
        root.putAll(project.extensions());
        return root;
    }

    public static SortedMap<String, Object> service(Service s) {
        SortedMap<String, Object> m = new TreeMap<>(s.extras());
        put(m, "image", s.image());
        put(m, "build", s.build());
        put(m, "command", s.command());
        put(m, "entrypoint", s.entrypoint());
        put(m, "environment", s.environment());
        if (!s.ports().isEmpty()) {
            List<Object> ports = new ArrayList<>();
            for (PortConfig p : s.ports()) ports.add(port(p));
            m.put("ports", ports);
        }
        if (!s.volumes().isEmpty()) {
            List<Object> volumes = new ArrayList<>();
            for (ServiceVolume v : s.volumes()) volumes.add(mount(v));
            m.put("volumes", volumes);
        }
        if (!s.networks().isEmpty()) {
            SortedMap<String, Object> networks = new TreeMap<>();
            s.networks().forEach((k, v) -> networks.put(k, serviceNetwork(v)));
            m.put("networks", networks);
        }
        if (!s.dependsOn().isEmpty()) {
            SortedMap<String, Object> deps = new TreeMap<>();
            s.dependsOn().forEach((k, v) -> deps.put(k, dependency(v)));
            m.put("depends_on", deps);
        }
        put(m, "labels", s.labels());
        put(m, "restart", s.restart());
        put(m, "container_name", s.containerName());
        put(m, "working_dir", s.workingDir());
        put(m, "user", s.user());
        put(m, "hostname", s.hostname());
        put(m, "init", s.init());
        if (s.tty()) m.put("tty", true);
        if (s.stdinOpen()) m.put("stdin_open", true);
        boolean replicasShown = s.extras().get("deploy") instanceof Map<?, ?> d && d.containsKey("replicas");
        if (s.scale() != 1 && !replicasShown) m.put("scale", s.scale());
        if (!s.profiles().isEmpty()) m.put("profiles", s.profiles());
        return m;
    }

    private static Map<String, Object> port(PortConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", p.mode());
        if (!p.hostIp().isEmpty()) m.put("host_ip", p.hostIp());
        m.put("target", p.target());
        if (p.published() != null) m.put("published", String.valueOf(p.published()));
        m.put("protocol", p.protocol());
        return m;
    }

    private static Map<String, Object> mount(ServiceVolume v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", v.type());
        if (v.source() != null) m.put("source", v.source());
        m.put("target", v.target());
        if (v.readOnly()) m.put("read_only", true);
        m.putAll(v.options());
        return m;
    }

    private static Object serviceNetwork(ServiceNetwork n) {
        // field by field, not equals(): a record's equals is linked at first use, milliseconds of a cold start
        if (n.aliases().isEmpty() && n.ipv4Address() == null && n.priority() == 0 && n.extras().isEmpty()) return null;
        SortedMap<String, Object> m = new TreeMap<>(n.extras());
        if (!n.aliases().isEmpty()) m.put("aliases", n.aliases());
        put(m, "ipv4_address", n.ipv4Address());
        if (n.priority() != 0) m.put("priority", n.priority());
        return m;
    }

    private static Map<String, Object> dependency(ServiceDependency d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("condition", d.condition());
        m.put("required", d.required());
        if (d.restart()) m.put("restart", true);
        return m;
    }

    private static Map<String, Object> network(NetworkConfig n) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", n.name());
        put(m, "driver", n.driver());
        put(m, "driver_opts", n.driverOpts());
        if (n.external()) m.put("external", true);
        if (n.internal()) m.put("internal", true);
        if (n.attachable()) m.put("attachable", true);
        put(m, "enable_ipv6", n.enableIpv6());
        put(m, "ipam", n.ipam());
        put(m, "labels", n.labels());
        m.putAll(n.extras());
        return m;
    }

    private static Map<String, Object> volume(VolumeConfig v) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", v.name());
        put(m, "driver", v.driver());
        put(m, "driver_opts", v.driverOpts());
        if (v.external()) m.put("external", true);
        put(m, "labels", v.labels());
        m.putAll(v.extras());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value == null) return;
        if (value instanceof Map<?, ?> map && map.isEmpty()) return;
        m.put(key, value);
    }
}
