package dev.jcompose.planner.swarm;

import dev.jcompose.planner.RecordText;
import dev.jcompose.planner.swarm.spec.FileReference;
import dev.jcompose.planner.swarm.spec.Gate;
import dev.jcompose.planner.swarm.spec.HealthConfig;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import dev.jcompose.planner.swarm.spec.StackService;
import dev.jcompose.planner.swarm.spec.TaskContainerSpec;
import dev.jcompose.planner.swarm.spec.TaskTemplate;
import dev.jcompose.spec.model.ExtraHost;
import dev.jcompose.spec.model.Healthcheck;
import dev.jcompose.spec.model.NetworkConfig;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceDependency;
import dev.jcompose.spec.model.ServiceNetwork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** One compose service as a swarm service spec: docker cli's {@code convert.Service}, and what it drops, warned. */
final class ServiceSpecs {
    private final Conversion c;
    private final StackObjects configs;
    private final StackObjects secrets;

    ServiceSpecs(Conversion c, StackObjects configs, StackObjects secrets) {
        this.c = c;
        this.configs = configs;
        this.secrets = secrets;
    }

    StackService convert(Service s, String image) {
        for (String key : s.locations().keySet()) {
            if (key.contains(".") || key.contains("[")) continue;
            String why = SwarmKeys.WHY.get(key);
            if (why != null) c.warn(s, key, why + ": ignored");
        }
        if (s.healthcheck() != null && s.healthcheck().startIntervalNanos() != null) {
            c.warn(s, "healthcheck", "start_interval needs Engine API 1.44 and jcompose speaks 1.41: an older engine ignores it");
        }
        TaskContainerSpec container = container(s, image);
        TaskTemplate template = new TaskTemplate(container, DeployMapping.resources(c, s), DeployMapping.restart(c, s),
                DeployMapping.placement(s), networks(s),
                s.options().logging() == null ? null
                        : new TaskTemplate.LogDriver(s.options().logging().driver(), s.options().logging().options()));
        SortedMap<String, String> labels = new TreeMap<>(s.deploy().labels());
        labels.put(StackLabels.NAMESPACE, c.namespace());
        labels.put(StackLabels.IMAGE, image);
        labels.put(StackLabels.COMPOSE_PROJECT, c.namespace());
        labels.put(StackLabels.COMPOSE_SERVICE, s.name());
        ServiceSpec spec = new ServiceSpec(c.scope(s.name()), labels, template, DeployMapping.mode(c, s),
                DeployMapping.update(s.deploy().updateConfig()), DeployMapping.update(s.deploy().rollbackConfig()),
                DeployMapping.endpoint(c, s));
        String hash = hash(spec);
        labels.put(StackLabels.SPEC_HASH, hash);
        return new StackService(s.name(), spec.withLabels(labels), hash, gates(s), hasHealthcheck(container));
    }

    /** SHA-256 over the spec's record text (sorted maps throughout), taken before the hash label is added. */
    static String hash(ServiceSpec spec) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(RecordText.of(spec).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private TaskContainerSpec container(Service s, String image) {
        SortedMap<String, String> labels = new TreeMap<>(s.labels());
        labels.put(StackLabels.NAMESPACE, c.namespace());
        labels.put(StackLabels.COMPOSE_PROJECT, c.namespace());
        labels.put(StackLabels.COMPOSE_SERVICE, s.name());
        List<String> env = new ArrayList<>();
        s.environment().forEach((k, v) -> env.add(k + "=" + v));
        List<String> hosts = new ArrayList<>();
        for (ExtraHost h : s.options().lookup().extraHosts()) hosts.add(h.address() + " " + h.host());
        var lookup = s.options().lookup();
        TaskContainerSpec.DnsConfig dns = lookup.dns().isEmpty() && lookup.dnsSearch().isEmpty() && lookup.dnsOpt().isEmpty() ? null
                : new TaskContainerSpec.DnsConfig(lookup.dns(), lookup.dnsSearch(), lookup.dnsOpt());
        var security = s.options().security();
        List<String>[] caps = capabilities(security.capAdd(), security.capDrop());
        List<TaskContainerSpec.Ulimit> ulimits = new ArrayList<>();
        s.options().ulimits().forEach((name, u) -> ulimits.add(new TaskContainerSpec.Ulimit(name, u.soft(), u.hard())));
        var lifecycle = s.options().lifecycle();
        return new TaskContainerSpec(image, labels, s.entrypoint(), s.command(), s.hostname(), env, s.workingDir(), s.user(),
                security.groupAdd(), s.init(), lifecycle.stopSignal(), DeployMapping.duration(lifecycle.stopGracePeriodNanos()),
                health(s.healthcheck()), hosts, dns, references(s, false), references(s, true), TaskMounts.of(c, s), security.readOnly(),
                s.options().sysctls(), caps[0], caps[1], ulimits, s.tty(), s.stdinOpen());
    }

    /** docker cli's {@code EffectiveCapAddCapDrop}: CAP_ names, ALL trumps the others, an added one is not dropped. */
    @SuppressWarnings("unchecked")
    private static List<String>[] capabilities(List<String> add, List<String> drop) {
        TreeSet<String> a = new TreeSet<>();
        for (String cap : add) a.add(normalize(cap));
        TreeSet<String> d = new TreeSet<>();
        for (String cap : drop) d.add(normalize(cap));
        if (a.contains("ALL")) a.retainAll(List.of("ALL"));
        if (d.contains("ALL")) d.retainAll(List.of("ALL"));
        d.removeAll(a);
        a.remove("RESET");
        d.remove("RESET");
        return new List[] {List.copyOf(a), List.copyOf(d)};
    }

    private static String normalize(String cap) {
        String c = cap.strip().toUpperCase(Locale.ROOT);
        return c.equals("ALL") || c.equals("RESET") || c.startsWith("CAP_") ? c : "CAP_" + c;
    }

    private static HealthConfig health(Healthcheck h) {
        if (h == null) return null;
        return new HealthConfig(h.test() == null ? List.of() : h.test(), DeployMapping.duration(h.intervalNanos()),
                DeployMapping.duration(h.timeoutNanos()), DeployMapping.duration(h.startPeriodNanos()),
                DeployMapping.duration(h.startIntervalNanos()), h.retries());
    }

    private static boolean hasHealthcheck(TaskContainerSpec container) {
        HealthConfig h = container.healthcheck();
        return h != null && !h.test().isEmpty() && !h.test().equals(List.of("NONE"));
    }

    /** Configs and secrets by their swarm object names, sorted by them as docker cli sorts them. */
    private List<FileReference> references(Service s, boolean secret) {
        var refs = secret ? s.options().secrets() : s.options().configs();
        StackObjects objects = secret ? secrets : configs;
        String key = secret ? "secrets" : "configs";
        List<FileReference> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            var r = refs.get(i);
            String name = objects.names.get(r.source());
            if (name == null) {
                c.error(s, key + "[" + i + "]", "undefined " + (secret ? "secret" : "config") + " \"" + r.source() + "\"");
                continue;
            }
            String target = r.target();
            // docker cli sends a secret's bare name; the engine puts it under /run/secrets/
            if (secret && target.startsWith("/run/secrets/")) target = target.substring("/run/secrets/".length());
            out.add(new FileReference(name, target, r.uid() == null ? "0" : r.uid(), r.gid() == null ? "0" : r.gid(),
                    r.mode() == null ? 0444 : r.mode()));
        }
        out.sort(Comparator.comparing(FileReference::objectName).thenComparing(FileReference::fileName));
        return out;
    }

    private List<TaskTemplate.NetworkAttachment> networks(Service s) {
        List<TaskTemplate.NetworkAttachment> out = new ArrayList<>();
        for (Map.Entry<String, ServiceNetwork> e : attachments(s).entrySet()) {
            NetworkConfig nc = c.project().networks().get(e.getKey());
            if (nc == null && !e.getKey().equals("default")) {
                c.error(s, "networks", "undefined network \"" + e.getKey() + "\"");
                continue;
            }
            String target = nc != null && nc.name() != null ? nc.name() : c.scope(e.getKey());
            ServiceNetwork n = e.getValue() == null ? ServiceNetwork.plain() : e.getValue();
            String at = "networks." + e.getKey();
            if (n.ipv4Address() != null || n.ipv6Address() != null) c.warn(s, at, "a swarm assigns task addresses itself: ipv4_address/ipv6_address ignored");
            if (!n.linkLocalIps().isEmpty()) c.warn(s, at, "link_local_ips are not supported by swarm services: ignored");
            if (n.macAddress() != null) c.warn(s, at, "mac_address is not supported by swarm services: ignored");
            if (n.priority() != 0 || n.gwPriority() != 0) c.warn(s, at, "priority/gw_priority are not supported by swarm services: ignored");
            // interface_name is in no model: neither target honours it, and the loader's warning for up names its line
            String interfaceName = "services." + s.name() + "." + at + ".interface_name";
            s.ignored().stream().filter(d -> d.path().equals(interfaceName)).forEach(c::warn);
            List<String> aliases = new ArrayList<>(n.aliases());
            aliases.add(s.name());
            out.add(new TaskTemplate.NetworkAttachment(target, aliases, n.driverOpts()));
        }
        out.sort(Comparator.comparing(TaskTemplate.NetworkAttachment::target));
        return out;
    }

    /** The service's networks; none (network_mode, which a swarm ignores) is the default network, as docker stack does. */
    static SortedMap<String, ServiceNetwork> attachments(Service s) {
        if (!s.networks().isEmpty()) return s.networks();
        SortedMap<String, ServiceNetwork> out = new TreeMap<>();
        out.put("default", ServiceNetwork.plain());
        return out;
    }

    private SortedMap<String, Gate> gates(Service s) {
        SortedMap<String, Gate> out = new TreeMap<>();
        for (Map.Entry<String, ServiceDependency> e : s.dependsOn().entrySet()) {
            ServiceDependency d = e.getValue();
            if (d.restart() && s.locations().containsKey("depends_on")) { // links imply dependencies that say restart
                c.warn(s, "depends_on", "depends_on." + e.getKey() + ".restart: a swarm does not restart a service with its "
                        + "dependency: ignored");
            }
            out.put(e.getKey(), new Gate(Gate.Condition.of(d.condition()), d.required()));
        }
        return out;
    }
}
