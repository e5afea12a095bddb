package dev.jcompose.spec.bind;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one registry of service keys: every key of the Compose Specification's JSON schema, with what jcompose does
 * with it. Anything else in a service is a mistake. A test walks the schema and fails on a key missing here.
 */
public final class ServiceKeys {
    private ServiceKeys() {}

    /** What jcompose does with a service key. */
    public enum Handling {
        /** Reaches the container: translated into the engine's create request. */
        CONTAINER,
        /** Acted on by the loader or the planner (images, order, selection, files read, hooks run as execs), not by the create request. */
        PROJECT,
        /** Read and checked, but a single engine cannot honour it (or jcompose does not yet): a warning at its line. */
        WARNED
    }

    public static final Map<String, Handling> KEYS;

    static {
        Map<String, Handling> m = new TreeMap<>();
        for (String k : new String[] {"annotations", "attach", "blkio_config", "cap_add", "cap_drop", "cgroup", "cgroup_parent",
                "command", "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
                "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "deploy", "device_cgroup_rules", "devices", "dns", "dns_opt",
                "dns_search", "domainname", "entrypoint", "environment", "expose", "external_links", "extra_hosts", "gpus",
                "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "labels", "links", "logging",
                "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "network_mode", "networks",
                "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "privileged", "read_only",
                "restart", "runtime", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal",
                "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "user", "userns_mode", "uts", "volumes", "volumes_from",
                "working_dir"}) {
            m.put(k, Handling.CONTAINER);
        }
        for (String k : new String[] {"build", "depends_on", "env_file", "extends", "label_file", "post_start", "pre_stop", "profiles",
                "pull_policy", "scale"}) {
            m.put(k, Handling.PROJECT);
        }
        for (String k : IgnoredAttributes.SERVICE.keySet()) m.put(k, Handling.WARNED);
        KEYS = Collections.unmodifiableMap(m);
    }

    static final Set<String> ALL = KEYS.keySet();

    /** Keys the binder turns into fields of {@code Service} itself; the others are typed in its options, or extras. */
    static final Set<String> BOUND = Set.of(
            "image", "build", "command", "entrypoint", "environment", "env_file", "ports", "volumes", "networks",
            "depends_on", "labels", "restart", "container_name", "working_dir", "user", "hostname", "init", "tty",
            "stdin_open", "scale", "profiles", "label_file");
}
