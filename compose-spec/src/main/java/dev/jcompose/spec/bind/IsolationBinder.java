package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.Isolation;
import dev.jcompose.spec.model.Namespace;
import dev.jcompose.spec.yaml.MapNode;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code network_mode}, {@code ipc}, {@code pid}, {@code uts}, {@code cgroup}, {@code cgroup_parent}, {@code userns_mode}, {@code isolation}, {@code runtime}, {@code platform}. */
final class IsolationBinder {
    private static final Set<String> CGROUP = Set.of("host", "private");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?");

    private final Nodes nodes;
    /** {@code DOCKER_DEFAULT_PLATFORM}: the platform of a service that names none, as docker compose takes it; or null. */
    private final String defaultPlatform;

    IsolationBinder(Nodes nodes, String defaultPlatform) {
        this.nodes = nodes;
        this.defaultPlatform = defaultPlatform == null || defaultPlatform.isBlank() ? null : defaultPlatform;
    }

    Isolation bind(MapNode svc, String p) {
        Namespace network = namespace(svc, p, "network_mode");
        Namespace ipc = namespace(svc, p, "ipc");
        Namespace pid = namespace(svc, p, "pid");
        String cgroup = nodes.string(svc.get("cgroup"), p, "cgroup");
        if (cgroup != null && !CGROUP.contains(cgroup)) {
            nodes.problems().add(svc.get("cgroup"), p + ".cgroup", "invalid cgroup \"" + cgroup + "\"", "use host or private");
        }
        String platform = nodes.string(svc.get("platform"), p, "platform");
        if (platform == null) platform = defaultPlatform;
        if (platform != null && !PLATFORM.matcher(platform).matches()) {
            nodes.problems().add(svc.get("platform"), p + ".platform", "invalid platform \"" + platform + "\"",
                    "write os/arch[/variant], such as linux/amd64 or linux/arm64/v8");
        }
        return new Isolation(network, ipc, pid, nodes.string(svc.get("uts"), p, "uts"), cgroup,
                nodes.string(svc.get("cgroup_parent"), p, "cgroup_parent"), nodes.string(svc.get("userns_mode"), p, "userns_mode"),
                nodes.string(svc.get("isolation"), p, "isolation"), nodes.string(svc.get("runtime"), p, "runtime"),
                platform);
    }

    private Namespace namespace(MapNode svc, String p, String key) {
        String text = nodes.string(svc.get(key), p, key);
        if (text == null) return null;
        Namespace ns = Namespace.parse(text);
        boolean emptyRef = ns instanceof Namespace.OfService s && s.service().isEmpty()
                || ns instanceof Namespace.OfContainer c && c.container().isEmpty();
        if (emptyRef || text.isEmpty()) {
            nodes.problems().add(svc.get(key), p + "." + key, "invalid " + key + " \"" + text + "\"",
                    "name a service (service:NAME) or a container (container:NAME)");
            return null;
        }
        return ns;
    }
}
