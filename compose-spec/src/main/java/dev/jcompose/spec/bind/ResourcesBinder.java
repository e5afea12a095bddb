package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.Resources;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.math.BigDecimal;

/**
 * Memory, CPU, process and OOM settings: {@code deploy.resources.limits}/{@code reservations} (cpus, memory, pids),
 * which win, over {@code mem_limit}, {@code mem_reservation}, {@code cpus}, {@code pids_limit}; and
 * {@code memswap_limit}, {@code mem_swappiness}, {@code cpu_*}, {@code cpuset}, {@code oom_*}, {@code shm_size}.
 */
final class ResourcesBinder {
    private final Nodes nodes;

    ResourcesBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    Resources bind(MapNode svc, String p) {
        MapNode limits = null;
        MapNode reservations = null;
        String rp = p + ".deploy.resources";
        if (svc.get("deploy") instanceof MapNode deploy && deploy.get("resources") instanceof MapNode r) {
            limits = r.get("limits") instanceof MapNode l ? l : null;
            reservations = r.get("reservations") instanceof MapNode l ? l : null;
        }
        Long memory = first(limits == null ? null : nodes.bytes(limits.get("memory"), rp + ".limits.memory"),
                nodes.bytes(svc.get("mem_limit"), p + ".mem_limit"));
        Long reservation = first(reservations == null ? null : nodes.bytes(reservations.get("memory"), rp + ".reservations.memory"),
                nodes.bytes(svc.get("mem_reservation"), p + ".mem_reservation"));
        Long deployCpus = limits == null ? null : nanoCpus(limits.get("cpus"), rp + ".limits.cpus");
        Long serviceCpus = nanoCpus(svc.get("cpus"), p + ".cpus");
        if (deployCpus != null && serviceCpus != null && !deployCpus.equals(serviceCpus)) {
            // compose-go refuses the two when they differ: which one the person meant cannot be told
            nodes.problems().add(svc.get("cpus"), p + ".cpus", "cpus and deploy.resources.limits.cpus disagree", "keep one of them");
        }
        Long nanoCpus = first(deployCpus, serviceCpus);
        Long pids = first(limits == null ? null : nodes.longValue(limits.get("pids"), rp + ".limits.pids"),
                nodes.longValue(svc.get("pids_limit"), p + ".pids_limit"));
        if (reservations != null) nanoCpus(reservations.get("cpus"), rp + ".reservations.cpus"); // checked; outside a swarm only memory is reserved
        Integer swappiness = nodes.integer(svc.get("mem_swappiness"), p, "mem_swappiness");
        if (swappiness != null && (swappiness < 0 || swappiness > 100)) {
            nodes.problems().add(svc.get("mem_swappiness"), p + ".mem_swappiness", "must be between 0 and 100, found " + swappiness);
        }
        Long cpuPercent = nodes.longValue(svc.get("cpu_percent"), p + ".cpu_percent");
        if (cpuPercent != null && (cpuPercent < 0 || cpuPercent > 100)) {
            nodes.problems().add(svc.get("cpu_percent"), p + ".cpu_percent", "must be between 0 and 100, found " + cpuPercent);
        }
        Integer oomScore = nodes.integer(svc.get("oom_score_adj"), p, "oom_score_adj");
        if (oomScore != null && (oomScore < -1000 || oomScore > 1000)) {
            nodes.problems().add(svc.get("oom_score_adj"), p + ".oom_score_adj", "must be between -1000 and 1000, found " + oomScore);
        }
        return new Resources(memory, reservation, swap(svc.get("memswap_limit"), p + ".memswap_limit"), swappiness, nanoCpus,
                nodes.longValue(svc.get("cpu_shares"), p + ".cpu_shares"), micros(svc.get("cpu_period"), p + ".cpu_period"),
                micros(svc.get("cpu_quota"), p + ".cpu_quota"), micros(svc.get("cpu_rt_runtime"), p + ".cpu_rt_runtime"),
                micros(svc.get("cpu_rt_period"), p + ".cpu_rt_period"), nodes.string(svc.get("cpuset"), p, "cpuset"),
                nodes.longValue(svc.get("cpu_count"), p + ".cpu_count"), cpuPercent,
                pids, nodes.bool(svc.get("oom_kill_disable"), p, "oom_kill_disable"), oomScore,
                nodes.bytes(svc.get("shm_size"), p + ".shm_size"));
    }

    private static Long first(Long a, Long b) {
        return a != null ? a : b;
    }

    private Long nanoCpus(YamlNode node, String path) {
        BigDecimal cpus = nodes.decimal(node, path);
        if (cpus == null) return null;
        if (cpus.signum() < 0) {
            nodes.problems().add(node, path, "must not be negative, found " + cpus.toPlainString());
            return null;
        }
        return cpus.movePointRight(9).longValue();
    }

    /** {@code memswap_limit}: a size, or -1 for unlimited swap. */
    private Long swap(YamlNode node, String path) {
        if (node instanceof ScalarNode sc && "-1".equals(sc.value())) return -1L;
        return nodes.bytes(node, path);
    }

    /** A number of microseconds, or a duration ({@code 400ms}), as the engine's CPU periods take them. */
    private Long micros(YamlNode node, String path) {
        if (node == null || node instanceof ScalarNode sc && sc.isNull()) return null;
        if (node instanceof ScalarNode sc && sc.value().strip().matches("-?\\d+")) return nodes.longValue(node, path);
        Long nanos = nodes.nanos(node, path);
        return nanos == null ? null : nanos / 1000;
    }
}
