package dev.jcompose.spec.bind;

import java.util.Map;

/** The shapes of the service attributes jcompose keeps without modelling, after the Compose Specification. */
final class UnmodelledShapes {
    private UnmodelledShapes() {}

    private static final Shape S = new Shape.Scalar();
    private static final Shape ANY = new Shape.Any();
    private static final Shape STRINGS = new Shape.ListOf(S);
    private static final Shape STRING_OR_LIST = new Shape.Either(S, STRINGS);
    private static final Shape KEY_VALUES = new Shape.Either(new Shape.MapOf(S), STRINGS);

    private static Shape obj(Object... keysAndShapes) {
        java.util.LinkedHashMap<String, Shape> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndShapes.length; i += 2) m.put((String) keysAndShapes[i], (Shape) keysAndShapes[i + 1]);
        return new Shape.Obj(m);
    }

    private static final Shape RESOURCES = obj("cpus", S, "memory", S, "pids", S,
            "devices", new Shape.ListOf(obj("capabilities", STRINGS, "count", S, "device_ids", STRINGS, "driver", S, "options", KEY_VALUES)),
            "generic_resources", new Shape.ListOf(obj("discrete_resource_spec", obj("kind", S, "value", S))));
    private static final Shape UPDATE = obj("parallelism", S, "delay", S, "failure_action", S, "monitor", S,
            "max_failure_ratio", S, "order", S);

    static final Map<String, Shape> SERVICE = Map.ofEntries(
            Map.entry("annotations", KEY_VALUES),
            Map.entry("attach", S),
            Map.entry("blkio_config", ANY),
            Map.entry("cap_add", STRINGS),
            Map.entry("cap_drop", STRINGS),
            Map.entry("cgroup", S),
            Map.entry("cgroup_parent", S),
            Map.entry("configs", new Shape.ListOf(new Shape.Either(S, obj("source", S, "target", S, "uid", S, "gid", S, "mode", S)))),
            Map.entry("secrets", new Shape.ListOf(new Shape.Either(S, obj("source", S, "target", S, "uid", S, "gid", S, "mode", S)))),
            Map.entry("cpu_count", S), Map.entry("cpu_percent", S), Map.entry("cpu_period", S), Map.entry("cpu_quota", S),
            Map.entry("cpu_rt_period", S), Map.entry("cpu_rt_runtime", S), Map.entry("cpu_shares", S), Map.entry("cpus", S),
            Map.entry("cpuset", S),
            Map.entry("credential_spec", obj("config", S, "file", S, "registry", S)),
            Map.entry("deploy", obj("mode", S, "replicas", S, "endpoint_mode", S, "labels", KEY_VALUES,
                    "placement", obj("constraints", STRINGS, "preferences", new Shape.ListOf(obj("spread", S)), "max_replicas_per_node", S),
                    "resources", obj("limits", RESOURCES, "reservations", RESOURCES),
                    "restart_policy", obj("condition", S, "delay", S, "max_attempts", S, "window", S),
                    "rollback_config", UPDATE, "update_config", UPDATE)),
            Map.entry("develop", ANY),
            Map.entry("device_cgroup_rules", STRINGS),
            Map.entry("devices", new Shape.ListOf(new Shape.Either(S, obj("source", S, "target", S, "permissions", S)))),
            Map.entry("dns", STRING_OR_LIST), Map.entry("dns_opt", STRINGS), Map.entry("dns_search", STRING_OR_LIST),
            Map.entry("domainname", S),
            Map.entry("expose", STRINGS),
            Map.entry("external_links", STRINGS),
            Map.entry("extra_hosts", new Shape.Either(new Shape.MapOf(STRING_OR_LIST), STRINGS)),
            Map.entry("gpus", ANY),
            Map.entry("group_add", STRINGS),
            Map.entry("healthcheck", obj("test", STRING_OR_LIST, "interval", S, "timeout", S, "retries", S,
                    "start_period", S, "start_interval", S, "disable", S)),
            Map.entry("ipc", S), Map.entry("isolation", S),
            Map.entry("links", STRINGS),
            Map.entry("logging", obj("driver", S, "options", new Shape.MapOf(S))),
            Map.entry("mac_address", S),
            Map.entry("mem_limit", S), Map.entry("mem_reservation", S), Map.entry("mem_swappiness", S), Map.entry("memswap_limit", S),
            Map.entry("models", ANY),
            Map.entry("network_mode", S),
            Map.entry("oom_kill_disable", S), Map.entry("oom_score_adj", S),
            Map.entry("pid", S), Map.entry("pids_limit", S), Map.entry("platform", S),
            Map.entry("post_start", ANY), Map.entry("pre_start", ANY), Map.entry("pre_stop", ANY),
            Map.entry("privileged", S),
            Map.entry("provider", ANY),
            Map.entry("pull_policy", S), Map.entry("pull_refresh_after", S),
            Map.entry("read_only", S), Map.entry("runtime", S),
            Map.entry("security_opt", STRINGS), Map.entry("shm_size", S),
            Map.entry("stop_grace_period", S), Map.entry("stop_signal", S),
            Map.entry("storage_opt", new Shape.MapOf(S)),
            Map.entry("sysctls", KEY_VALUES),
            Map.entry("tmpfs", STRING_OR_LIST),
            Map.entry("ulimits", new Shape.MapOf(new Shape.Either(S, obj("soft", S, "hard", S)))),
            Map.entry("use_api_socket", S),
            Map.entry("userns_mode", S), Map.entry("uts", S),
            Map.entry("volumes_from", STRINGS),
            Map.entry("extends", ANY));
}
