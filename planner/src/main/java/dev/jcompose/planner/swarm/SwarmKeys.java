package dev.jcompose.planner.swarm;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a swarm deploy does with each service key of the Compose specification: the converter's one registry. A test
 * walks the specification's JSON schema and fails on a key missing here; the converter warns about every
 * {@link Handling#WARNED} key a service has, at its line, with the reason given here.
 */
public final class SwarmKeys {
    private SwarmKeys() {
    }

    /** What a swarm deploy does with a service key. */
    public enum Handling {
        /** Reaches the service spec (the converter maps it; a converter fixture shows it). */
        MAPPED,
        /** Acted on before or around the conversion: images built, profiles, order, files read. */
        PROJECT,
        /** A swarm service cannot honour it: a warning at its line, as {@code docker stack deploy}'s "Ignoring unsupported options". */
        WARNED
    }

    /** Every service key, with its handling. */
    public static final Map<String, Handling> KEYS;

    /** For each {@link Handling#WARNED} key: why a swarm cannot honour it. */
    public static final Map<String, String> WHY;

    static {
        Map<String, Handling> keys = new TreeMap<>();
        for (String k : new String[] {"cap_add", "cap_drop", "command", "configs", "deploy", "dns", "dns_opt", "dns_search",
                "entrypoint", "environment", "env_file", "extra_hosts", "group_add", "healthcheck", "hostname", "image",
                "init", "label_file", "labels", "logging", "mem_limit", "mem_reservation", "cpus", "networks", "pids_limit",
                "ports", "read_only", "restart", "scale", "secrets", "stdin_open", "stop_grace_period", "stop_signal",
                "sysctls", "tmpfs", "tty", "ulimits", "user", "volumes", "working_dir", "depends_on"}) {
            keys.put(k, Handling.MAPPED);
        }
        for (String k : new String[] {"build", "extends", "profiles"}) keys.put(k, Handling.PROJECT);
        Map<String, String> why = new TreeMap<>();
        why.put("annotations", "a swarm's container spec has no annotations");
        why.put("attach", "attach chooses what up prints; a deploy prints no logs");
        why.put("blkio_config", "a swarm service has no block IO settings");
        why.put("cgroup", "a swarm service has no cgroup namespace setting");
        why.put("cgroup_parent", "a swarm service has no cgroup parent setting");
        why.put("container_name", "a swarm names its tasks itself (<project>_<service>.<slot>...)");
        for (String k : new String[] {"cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime",
                "cpu_shares", "cpuset"}) {
            why.put(k, "a swarm service takes only deploy.resources (cpus, memory, pids)");
        }
        why.put("credential_spec", "credential_spec applies to Windows containers only");
        why.put("develop", "develop (watch) is not implemented by jcompose");
        why.put("device_cgroup_rules", "a swarm service has no device cgroup rules");
        why.put("devices", "a swarm service cannot map host devices (docker stack ignores them too)");
        why.put("domainname", "a swarm service has no domain name setting");
        why.put("expose", "a swarm service reaches the others on its overlay networks; expose has no effect");
        why.put("external_links", "a swarm service has no links; reach other services by name on a shared network");
        why.put("gpus", "a swarm service cannot request GPUs this way; use deploy.resources.reservations.generic_resources");
        why.put("ipc", "a swarm service has no IPC namespace setting");
        why.put("isolation", "isolation applies to Windows containers only");
        why.put("links", "a swarm service has no links; reach other services by name on a shared network");
        why.put("mac_address", "a swarm task's address is the overlay network's");
        why.put("mem_swappiness", "a swarm service takes only deploy.resources (cpus, memory, pids)");
        why.put("memswap_limit", "a swarm service takes only deploy.resources (cpus, memory, pids)");
        why.put("models", "models are not implemented by jcompose");
        why.put("network_mode", "a swarm service joins networks (networks:), it has no network mode");
        why.put("oom_kill_disable", "a swarm service has no OOM killer setting");
        why.put("oom_score_adj", "a swarm service's OOM score needs Engine API 1.46; jcompose speaks 1.41");
        why.put("pid", "a swarm service has no PID namespace setting");
        why.put("platform", "a swarm places tasks by node; use deploy.placement.constraints (node.platform.arch...)");
        why.put("post_start", "lifecycle hooks run as execs in a container up made; a swarm task has none");
        why.put("pre_start", "pre_start hooks are not implemented by jcompose");
        why.put("pre_stop", "lifecycle hooks run as execs in a container up made; a swarm task has none");
        why.put("privileged", "a swarm service cannot be privileged (docker stack ignores it too)");
        why.put("provider", "provider services are not implemented by jcompose");
        why.put("pull_policy", "a swarm node pulls what its task needs; --resolve-image decides the digest");
        why.put("pull_refresh_after", "pull_refresh_after is not implemented by jcompose");
        why.put("runtime", "a swarm service has no runtime setting");
        why.put("security_opt", "a swarm service has no security options (docker stack ignores them too)");
        why.put("shm_size", "a swarm service has no shm size setting; mount a tmpfs at /dev/shm");
        why.put("storage_opt", "a swarm service has no storage options");
        why.put("use_api_socket", "use_api_socket is not implemented by jcompose");
        why.put("userns_mode", "a swarm service has no user namespace setting");
        why.put("uts", "a swarm service has no UTS namespace setting");
        why.put("volumes_from", "a swarm service cannot share another container's volumes");
        for (String k : why.keySet()) keys.put(k, Handling.WARNED);
        KEYS = Collections.unmodifiableMap(keys);
        WHY = Collections.unmodifiableMap(why);
    }
}
