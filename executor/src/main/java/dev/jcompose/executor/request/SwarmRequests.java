package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.spec.EndpointSpec;
import dev.jcompose.planner.swarm.spec.FileReference;
import dev.jcompose.planner.swarm.spec.HealthConfig;
import dev.jcompose.planner.swarm.spec.Mount;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.Placement;
import dev.jcompose.planner.swarm.spec.RestartPolicy;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import dev.jcompose.planner.swarm.spec.TaskContainerSpec;
import dev.jcompose.planner.swarm.spec.TaskResources;
import dev.jcompose.planner.swarm.spec.TaskTemplate;
import dev.jcompose.planner.swarm.spec.UpdateConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Engine API's swarm request bodies for the swarm spec records, made without an engine (sorted maps: the
 * docker package serialises them as they are). Field names are the Engine API's (moby's {@code api/types/swarm});
 * what a spec leaves unset is left out, so the engine's default applies, as docker cli's {@code omitempty} does.
 */
public final class SwarmRequests {
    private SwarmRequests() {
    }

    /**
     * The body of {@code POST /services/create} and {@code POST /services/{id}/update} (the version is a query
     * parameter).
     *
     * @param ids the ids of the configs and secrets the spec names (the Engine API wants both name and id)
     * @throws IllegalArgumentException a config or secret the spec names has no id in {@code ids}
     */
    public static SortedMap<String, Object> service(ServiceSpec spec, ObjectIds ids) {
        SortedMap<String, Object> body = new TreeMap<>();
        put(body, "Name", spec.name());
        put(body, "Labels", spec.labels());
        put(body, "TaskTemplate", task(spec.taskTemplate(), ids));
        put(body, "Mode", mode(spec.mode()));
        put(body, "UpdateConfig", update(spec.updateConfig()));
        put(body, "RollbackConfig", update(spec.rollbackConfig()));
        put(body, "EndpointSpec", endpoint(spec.endpointSpec()));
        return body;
    }

    /**
     * The body of {@code POST /services/{id}/update}: {@link #service}'s, with the service's {@code ForceUpdate}
     * counter as the engine holds it (left out at 0, the engine's default), which docker stack keeps likewise.
     */
    public static SortedMap<String, Object> update(ServiceSpec spec, ObjectIds ids, long forceUpdate) {
        SortedMap<String, Object> body = service(spec, ids);
        if (forceUpdate != 0) {
            @SuppressWarnings("unchecked") // task() builds it as such
            SortedMap<String, Object> template = (SortedMap<String, Object>) body.get("TaskTemplate");
            template.put("ForceUpdate", forceUpdate);
        }
        return body;
    }

    /** The body of {@code POST /configs/create} or {@code POST /secrets/create} (by the spec's kind); Data in base64. */
    public static SortedMap<String, Object> object(ObjectSpec spec) {
        SortedMap<String, Object> body = new TreeMap<>();
        put(body, "Name", spec.name());
        put(body, "Labels", spec.labels());
        body.put("Data", Base64.getEncoder().encodeToString(spec.data()));
        return body;
    }

    /** The body of {@code POST /networks/create} for an overlay network: swarm-scoped, as docker stack makes it. */
    public static SortedMap<String, Object> network(NetworkSpec spec) {
        SortedMap<String, Object> body = new TreeMap<>();
        put(body, "Name", spec.name());
        put(body, "Driver", spec.driver());
        body.put("Scope", "swarm");
        put(body, "Options", spec.options());
        put(body, "Labels", spec.labels());
        flag(body, "Internal", spec.internal());
        flag(body, "Attachable", spec.attachable());
        put(body, "EnableIPv6", spec.enableIpv6());
        if (spec.ipam() != null) {
            SortedMap<String, Object> ipam = new TreeMap<>();
            put(ipam, "Driver", spec.ipam().driver());
            List<Object> pools = new ArrayList<>();
            for (NetworkSpec.Pool p : spec.ipam().pools()) {
                SortedMap<String, Object> pool = new TreeMap<>();
                put(pool, "Subnet", p.subnet());
                put(pool, "IPRange", p.ipRange());
                put(pool, "Gateway", p.gateway());
                put(pool, "AuxiliaryAddresses", p.auxAddresses());
                pools.add(pool);
            }
            put(ipam, "Config", pools);
            put(ipam, "Options", spec.ipam().options());
            put(body, "IPAM", ipam);
        }
        return body;
    }

    private static SortedMap<String, Object> task(TaskTemplate t, ObjectIds ids) {
        SortedMap<String, Object> task = new TreeMap<>();
        put(task, "ContainerSpec", container(t.containerSpec(), ids));
        put(task, "Resources", resources(t.resources()));
        put(task, "RestartPolicy", restart(t.restartPolicy()));
        put(task, "Placement", placement(t.placement()));
        List<Object> networks = new ArrayList<>();
        for (TaskTemplate.NetworkAttachment n : t.networks()) {
            SortedMap<String, Object> a = new TreeMap<>();
            put(a, "Target", n.target());
            put(a, "Aliases", n.aliases());
            put(a, "DriverOpts", n.driverOpts());
            networks.add(a);
        }
        put(task, "Networks", networks);
        if (t.logDriver() != null) {
            SortedMap<String, Object> driver = new TreeMap<>();
            put(driver, "Name", t.logDriver().name());
            put(driver, "Options", t.logDriver().options());
            put(task, "LogDriver", driver);
        }
        return task;
    }

    private static SortedMap<String, Object> container(TaskContainerSpec c, ObjectIds ids) {
        SortedMap<String, Object> spec = new TreeMap<>();
        put(spec, "Image", c.image());
        put(spec, "Labels", c.labels());
        put(spec, "Command", c.command());
        put(spec, "Args", c.args());
        put(spec, "Hostname", c.hostname());
        put(spec, "Env", c.env());
        put(spec, "Dir", c.dir());
        put(spec, "User", c.user());
        put(spec, "Groups", c.groups());
        put(spec, "Init", c.init());
        put(spec, "StopSignal", c.stopSignal());
        put(spec, "StopGracePeriod", nanos(c.stopGracePeriod()));
        put(spec, "Healthcheck", health(c.healthcheck()));
        put(spec, "Hosts", c.hosts());
        if (c.dnsConfig() != null) {
            SortedMap<String, Object> dns = new TreeMap<>();
            put(dns, "Nameservers", c.dnsConfig().nameservers());
            put(dns, "Search", c.dnsConfig().search());
            put(dns, "Options", c.dnsConfig().options());
            put(spec, "DNSConfig", dns);
        }
        put(spec, "Configs", references(c.configs(), ids.configs(), "Config"));
        put(spec, "Secrets", references(c.secrets(), ids.secrets(), "Secret"));
        List<Object> mounts = new ArrayList<>();
        for (Mount m : c.mounts()) mounts.add(mount(m));
        put(spec, "Mounts", mounts);
        flag(spec, "ReadOnly", c.readOnly());
        put(spec, "Sysctls", c.sysctls());
        put(spec, "CapabilityAdd", c.capabilityAdd());
        put(spec, "CapabilityDrop", c.capabilityDrop());
        List<Object> ulimits = new ArrayList<>();
        for (TaskContainerSpec.Ulimit u : c.ulimits()) {
            SortedMap<String, Object> l = new TreeMap<>();
            l.put("Name", u.name());
            l.put("Soft", u.soft());
            l.put("Hard", u.hard());
            ulimits.add(l);
        }
        put(spec, "Ulimits", ulimits);
        flag(spec, "TTY", c.tty());
        flag(spec, "OpenStdin", c.openStdin());
        return spec;
    }

    /** {@code ConfigReference}/{@code SecretReference}: the file target, and the object by id and name. */
    private static List<Object> references(List<FileReference> refs, Map<String, String> idsByName, String kind) {
        List<Object> out = new ArrayList<>();
        for (FileReference r : refs) {
            String id = idsByName.get(r.objectName());
            if (id == null) {
                throw new IllegalArgumentException("no id for " + kind.toLowerCase(Locale.ROOT) + " " + r.objectName()
                        + ": it must exist before a service that uses it is sent");
            }
            SortedMap<String, Object> file = new TreeMap<>();
            file.put("Name", r.fileName());
            file.put("UID", r.uid());
            file.put("GID", r.gid());
            file.put("Mode", r.mode());
            SortedMap<String, Object> ref = new TreeMap<>();
            ref.put("File", file);
            ref.put(kind + "ID", id);
            ref.put(kind + "Name", r.objectName());
            out.add(ref);
        }
        return out;
    }

    private static SortedMap<String, Object> mount(Mount m) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("Type", m.type().name().toLowerCase(Locale.ROOT));
        put(out, "Source", m.source());
        put(out, "Target", m.target());
        flag(out, "ReadOnly", m.readOnly());
        put(out, "Consistency", m.consistency());
        if (m.bind() != null) {
            SortedMap<String, Object> bind = new TreeMap<>();
            put(bind, "Propagation", m.bind().propagation());
            flag(bind, "CreateMountpoint", m.bind().createHostPath());
            out.put("BindOptions", bind);
        }
        if (m.volume() != null) {
            SortedMap<String, Object> volume = new TreeMap<>();
            flag(volume, "NoCopy", m.volume().noCopy());
            put(volume, "Subpath", m.volume().subpath());
            put(volume, "Labels", m.volume().labels());
            if (m.volume().driver() != null || !m.volume().driverOptions().isEmpty()) {
                SortedMap<String, Object> driver = new TreeMap<>();
                put(driver, "Name", m.volume().driver());
                put(driver, "Options", m.volume().driverOptions());
                volume.put("DriverConfig", driver);
            }
            out.put("VolumeOptions", volume);
        }
        if (m.tmpfs() != null) {
            SortedMap<String, Object> tmpfs = new TreeMap<>();
            put(tmpfs, "SizeBytes", m.tmpfs().sizeBytes());
            put(tmpfs, "Mode", m.tmpfs().mode());
            out.put("TmpfsOptions", tmpfs);
        }
        return out;
    }

    private static SortedMap<String, Object> health(HealthConfig h) {
        if (h == null) return null;
        SortedMap<String, Object> out = new TreeMap<>();
        put(out, "Test", h.test());
        put(out, "Interval", nanos(h.interval()));
        put(out, "Timeout", nanos(h.timeout()));
        put(out, "StartPeriod", nanos(h.startPeriod()));
        put(out, "StartInterval", nanos(h.startInterval()));
        put(out, "Retries", h.retries());
        return out;
    }

    private static SortedMap<String, Object> resources(TaskResources r) {
        if (r == null) return null;
        SortedMap<String, Object> out = new TreeMap<>();
        if (r.limits() != null) {
            SortedMap<String, Object> limits = new TreeMap<>();
            put(limits, "NanoCPUs", r.limits().nanoCpus());
            put(limits, "MemoryBytes", r.limits().memoryBytes());
            put(limits, "Pids", r.limits().pids());
            out.put("Limits", limits);
        }
        if (r.reservations() != null) {
            SortedMap<String, Object> reservations = new TreeMap<>();
            put(reservations, "NanoCPUs", r.reservations().nanoCpus());
            put(reservations, "MemoryBytes", r.reservations().memoryBytes());
            List<Object> generic = new ArrayList<>();
            for (TaskResources.GenericResource g : r.reservations().genericResources()) {
                SortedMap<String, Object> spec = new TreeMap<>();
                spec.put("Kind", g.kind());
                spec.put("Value", g.value());
                generic.add(Collections.singletonMap("DiscreteResourceSpec", spec));
            }
            put(reservations, "GenericResources", generic);
            out.put("Reservations", reservations);
        }
        return out;
    }

    private static SortedMap<String, Object> restart(RestartPolicy p) {
        if (p == null) return null;
        SortedMap<String, Object> out = new TreeMap<>();
        put(out, "Condition", p.condition() == null ? null : p.condition().key());
        put(out, "Delay", nanos(p.delay()));
        put(out, "MaxAttempts", p.maxAttempts());
        put(out, "Window", nanos(p.window()));
        return out;
    }

    private static SortedMap<String, Object> placement(Placement p) {
        if (p == null) return null;
        SortedMap<String, Object> out = new TreeMap<>();
        put(out, "Constraints", p.constraints());
        List<Object> preferences = new ArrayList<>();
        for (String spread : p.spreads()) {
            preferences.add(Collections.singletonMap("Spread", Collections.singletonMap("SpreadDescriptor", spread)));
        }
        put(out, "Preferences", preferences);
        put(out, "MaxReplicas", p.maxReplicas());
        return out;
    }

    private static SortedMap<String, Object> mode(ServiceMode mode) {
        SortedMap<String, Object> out = new TreeMap<>();
        SortedMap<String, Object> inner = new TreeMap<>();
        if (mode instanceof ServiceMode.Replicated r) {
            inner.put("Replicas", r.replicas());
            out.put("Replicated", inner);
        } else if (mode instanceof ServiceMode.ReplicatedJob j) {
            inner.put("MaxConcurrent", j.maxConcurrent());
            inner.put("TotalCompletions", j.totalCompletions());
            out.put("ReplicatedJob", inner);
        } else if (mode instanceof ServiceMode.Global) {
            out.put("Global", inner);
        } else {
            out.put("GlobalJob", inner);
        }
        return out;
    }

    private static SortedMap<String, Object> update(UpdateConfig u) {
        if (u == null) return null;
        SortedMap<String, Object> out = new TreeMap<>();
        put(out, "Parallelism", u.parallelism());
        put(out, "Delay", nanos(u.delay()));
        put(out, "FailureAction", u.failureAction() == null ? null : u.failureAction().key());
        put(out, "Monitor", nanos(u.monitor()));
        put(out, "MaxFailureRatio", u.maxFailureRatio());
        put(out, "Order", u.order() == null ? null : u.order().key());
        return out;
    }

    private static SortedMap<String, Object> endpoint(EndpointSpec e) {
        SortedMap<String, Object> out = new TreeMap<>();
        put(out, "Mode", e.mode() == null ? null : e.mode().key());
        List<Object> ports = new ArrayList<>();
        for (EndpointSpec.Port p : e.ports()) {
            SortedMap<String, Object> port = new TreeMap<>();
            put(port, "Name", p.name());
            put(port, "Protocol", p.protocol());
            port.put("TargetPort", p.targetPort());
            if (p.publishedPort() != 0) port.put("PublishedPort", p.publishedPort());
            put(port, "PublishMode", p.publishMode() == null ? null : p.publishMode().key());
            ports.add(port);
        }
        put(out, "Ports", ports);
        return out.isEmpty() ? null : out;
    }

    private static Long nanos(Duration d) {
        return d == null ? null : d.toNanos();
    }

    /** Puts {@code value} unless it is null, an empty collection or an empty map: the engine's default applies. */
    private static void put(SortedMap<String, Object> body, String key, Object value) {
        if (value == null) return;
        if (value instanceof Collection<?> c && c.isEmpty()) return;
        if (value instanceof Map<?, ?> m && m.isEmpty()) return;
        body.put(key, value);
    }

    /** Puts true only: false is the engine's default for every flag written this way. */
    private static void flag(SortedMap<String, Object> body, String key, boolean value) {
        if (value) body.put(key, true);
    }

    /**
     * The ids of swarm configs and secrets by name, as known when a service request is made (observed, or just
     * created).
     */
    public record ObjectIds(SortedMap<String, String> configs, SortedMap<String, String> secrets) {
        public ObjectIds {
            configs = Collections.unmodifiableSortedMap(new TreeMap<>(configs));
            secrets = Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
        }
    }
}
