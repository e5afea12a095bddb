package dev.jcompose.spec.bind;

import java.util.Set;

/** The service keys of the Compose Specification's JSON schema: anything else in a service is a mistake. */
final class ServiceKeys {
    private ServiceKeys() {}

    static final Set<String> ALL = Set.of(
            "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent",
            "command", "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
            "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on",
            "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname",
            "entrypoint", "env_file", "environment", "expose", "extends", "external_links", "extra_hosts", "gpus",
            "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "label_file", "labels",
            "links", "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit",
            "models", "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit",
            "platform", "ports", "post_start", "pre_start", "pre_stop", "privileged", "profiles", "provider",
            "pull_policy", "pull_refresh_after", "read_only", "restart", "runtime", "scale", "secrets",
            "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls",
            "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes", "volumes_from",
            "working_dir");

    /** Keys the binder turns into fields of {@code Service}; the others are kept as extras. */
    static final Set<String> BOUND = Set.of(
            "image", "build", "command", "entrypoint", "environment", "env_file", "ports", "volumes", "networks",
            "depends_on", "labels", "restart", "container_name", "working_dir", "user", "hostname", "init", "tty",
            "stdin_open", "scale", "profiles", "label_file");
}
