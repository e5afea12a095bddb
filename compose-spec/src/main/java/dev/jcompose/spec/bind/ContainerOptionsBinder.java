package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.ContainerOptions;
import dev.jcompose.spec.model.FileReference;
import dev.jcompose.spec.model.Logging;
import dev.jcompose.spec.model.Ulimit;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Binds every container setting of a service to {@link ContainerOptions}: the groups through their binders, the single attributes here. */
final class ContainerOptionsBinder {
    private static final Pattern EXPOSE = Pattern.compile("\\d{1,5}(-\\d{1,5})?(/(tcp|udp|sctp))?");

    private final Nodes nodes;
    private final IsolationBinder isolation;
    private final SecurityBinder security;
    private final HostLookupBinder lookup;
    private final LifecycleBinder lifecycle;
    private final ResourcesBinder resources;
    private final DevicesBinder devices;
    private final HealthcheckBinder healthcheck;

    ContainerOptionsBinder(Nodes nodes, Path projectDir, Map<String, String> env) {
        this.nodes = nodes;
        this.isolation = new IsolationBinder(nodes, env.get("DOCKER_DEFAULT_PLATFORM"));
        this.security = new SecurityBinder(nodes, projectDir);
        this.lookup = new HostLookupBinder(nodes);
        this.lifecycle = new LifecycleBinder(nodes);
        this.resources = new ResourcesBinder(nodes);
        this.devices = new DevicesBinder(nodes);
        this.healthcheck = new HealthcheckBinder(nodes);
    }

    ContainerOptions bind(MapNode svc, String p) {
        return new ContainerOptions(isolation.bind(svc, p), security.bind(svc, p), lookup.bind(svc, p), lifecycle.bind(svc, p),
                resources.bind(svc, p), devices.bind(svc, p), healthcheck.bind(svc.get("healthcheck"), p + ".healthcheck"),
                logging(svc.get("logging"), p + ".logging"),
                nodes.stringMap(svc.get("sysctls"), p, "sysctls"), ulimits(svc.get("ulimits"), p + ".ulimits"),
                nodes.stringMap(svc.get("storage_opt"), p, "storage_opt"), nodes.stringMap(svc.get("annotations"), p, "annotations"),
                tmpfs(svc.get("tmpfs"), p + ".tmpfs"), expose(svc.get("expose"), p + ".expose"),
                nodes.strings(svc.get("volumes_from"), p, "volumes_from"),
                references(svc.get("configs"), p + ".configs", "/"), references(svc.get("secrets"), p + ".secrets", "/run/secrets/"));
    }

    private Logging logging(YamlNode node, String path) {
        MapNode m = nodes.map(node, path);
        if (m == null) return null;
        return new Logging(nodes.string(m.get("driver"), path, "driver"), nodes.stringMap(m.get("options"), path, "options"));
    }

    /** {@code nofile: 1024} (both limits) or {@code nofile: {soft: 1024, hard: 2048}}. */
    private SortedMap<String, Ulimit> ulimits(YamlNode node, String path) {
        SortedMap<String, Ulimit> out = new TreeMap<>();
        MapNode m = nodes.map(node, path);
        if (m == null) return out;
        for (MapNode.Entry e : m.entries()) {
            String at = path + "." + e.key();
            if (e.value() instanceof MapNode limits) {
                Long soft = nodes.longValue(limits.get("soft"), at + ".soft");
                Long hard = nodes.longValue(limits.get("hard"), at + ".hard");
                if (soft == null || hard == null) {
                    if (limits.get("soft") == null || limits.get("hard") == null) {
                        nodes.problems().add(limits, at, "needs both soft and hard", "or a single number for both");
                    }
                    continue;
                }
                if (soft > hard) {
                    nodes.problems().add(limits, at, "soft limit " + soft + " is above hard limit " + hard);
                    continue;
                }
                out.put(e.key(), new Ulimit(soft, hard));
            } else {
                Long both = nodes.longValue(e.value(), at);
                if (both != null) out.put(e.key(), new Ulimit(both, both));
            }
        }
        return out;
    }

    /** {@code /path} or {@code /path:options}; the canonical form is a list. */
    private List<String> tmpfs(YamlNode node, String path) {
        List<String> out = nodes.strings(node, path);
        for (int i = 0; i < out.size(); i++) {
            if (!out.get(i).startsWith("/")) {
                YamlNode at = node instanceof ListNode l && i < l.items().size() ? l.items().get(i) : node;
                nodes.problems().add(at, path + "[" + i + "]", "a tmpfs mount needs an absolute path, found \"" + out.get(i) + "\"");
            }
        }
        return out;
    }

    private List<String> expose(YamlNode node, String path) {
        List<String> out = nodes.strings(node, path);
        for (int i = 0; i < out.size(); i++) {
            if (!EXPOSE.matcher(out.get(i)).matches() || !portsInRange(out.get(i))) {
                YamlNode at = node instanceof ListNode l && i < l.items().size() ? l.items().get(i) : node;
                nodes.problems().add(at, path + "[" + i + "]", "invalid port \"" + out.get(i) + "\"", "write 80, 8000-8010 or 53/udp");
            }
        }
        return out;
    }

    private static boolean portsInRange(String expose) {
        for (String port : expose.replaceFirst("/.*", "").split("-")) {
            int n = Integer.parseInt(port);
            if (n < 1 || n > 65535) return false;
        }
        return true;
    }

    /** The canonical list of {source, target, uid, gid, mode}; the default target is {@code <under><source>}. */
    private List<FileReference> references(YamlNode node, String path, String under) {
        List<FileReference> out = new ArrayList<>();
        if (node == null || node instanceof ScalarNode sc && sc.isNull()) return out;
        if (!(node instanceof ListNode list)) {
            nodes.problems().add(node, path, "must be a list, found " + node.kindName());
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String at = path + "[" + i + "]";
            MapNode m = nodes.map(list.items().get(i), at);
            if (m == null) continue;
            String source = nodes.string(m.get("source"), at, "source");
            if (source == null) {
                nodes.problems().add(m, at + ".source", "needs a source");
                continue;
            }
            String target = nodes.string(m.get("target"), at, "target");
            if (target == null) target = under + source;
            else if (!target.startsWith("/")) target = under + target;
            out.add(new FileReference(source, target, id(m.get("uid"), at + ".uid"), id(m.get("gid"), at + ".gid"),
                    mode(m.get("mode"), at + ".mode")));
        }
        return out;
    }

    /** A numeric user or group id, as a file in the container is owned. */
    private String id(YamlNode node, String path) {
        Integer id = nodes.integer(node, path);
        if (id != null && id < 0) nodes.problems().add(node, path, "must not be negative, found " + id);
        return id == null ? null : String.valueOf(id);
    }

    /** A file mode: {@code 0440} and {@code 0o440} are octal, as a person writing one means. */
    private Integer mode(YamlNode node, String path) {
        String text = nodes.string(node, path);
        if (text == null) return null;
        String t = text.strip();
        try {
            if (t.startsWith("0o")) return Integer.parseInt(t.substring(2), 8);
            if (t.length() > 1 && t.startsWith("0")) return Integer.parseInt(t.substring(1), 8);
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            nodes.problems().add(node, path, "must be a file mode such as 0440, found \"" + text + "\"");
            return null;
        }
    }
}
