package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.model.Blkio;
import dev.jcompose.spec.model.ContainerOptions;
import dev.jcompose.spec.model.Device;
import dev.jcompose.spec.model.DeviceRequest;
import dev.jcompose.spec.model.ExtraHost;
import dev.jcompose.spec.model.Isolation;
import dev.jcompose.spec.model.Namespace;
import dev.jcompose.spec.model.Resources;
import dev.jcompose.spec.model.Security;
import dev.jcompose.spec.model.Ulimit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The host side of a container: ports, mounts, namespaces, privileges, limits, devices, logging, DNS. */
final class HostConfigs {
    private HostConfigs() {}

    static Body of(Translation t) {
        ContainerSpec spec = t.spec();
        ContainerOptions o = spec.options();
        Body host = new Body();
        host.always("PortBindings", portBindings(spec));
        Mounts mounts = Mounts.of(t);
        host.put("Binds", mounts.binds());
        host.put("Mounts", mounts.mounts());
        host.put("Tmpfs", Mounts.tmpfs(o.tmpfs()));
        host.put("VolumesFrom", o.volumesFrom());
        host.put("Init", spec.init());
        if (spec.restartPolicy() != null) host.put("RestartPolicy", restartPolicy(spec.restartPolicy()));
        resources(host, spec.resources());
        isolation(host, spec, o.isolation());
        security(host, o.security());
        host.put("Dns", o.lookup().dns());
        host.put("DnsSearch", o.lookup().dnsSearch());
        host.put("DnsOptions", o.lookup().dnsOpt());
        host.put("ExtraHosts", o.lookup().extraHosts().stream().map(ExtraHost::engineForm).toList());
        host.put("Links", o.lookup().links());
        if (o.logging() != null) {
            host.put("LogConfig", new Body().put("Type", o.logging().driver()).always("Config", o.logging().options()).map());
        }
        host.put("Sysctls", o.sysctls());
        host.put("Ulimits", ulimits(o.ulimits()));
        host.put("StorageOpt", o.storageOpt());
        devices(host, o);
        if (!o.annotations().isEmpty() && t.supports("1.43", "annotations")) host.put("Annotations", o.annotations());
        return host;
    }

    private static Map<String, Object> portBindings(ContainerSpec spec) {
        Map<String, Object> bindings = new LinkedHashMap<>();
        for (ContainerSpec.PortBinding p : spec.ports()) {
            String port = p.containerPort() + "/" + ContainerConfigs.protocol(p.protocol());
            @SuppressWarnings("unchecked")
            List<Map<String, String>> list = (List<Map<String, String>>) bindings.computeIfAbsent(port, k -> new ArrayList<>());
            list.add(Map.of("HostIp", p.hostIp() == null ? "" : p.hostIp(), "HostPort", p.hostPort() == null ? "" : String.valueOf(p.hostPort())));
        }
        return bindings;
    }

    /** {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:N]}, as the API's RestartPolicy. */
    static Map<String, Object> restartPolicy(String policy) {
        Map<String, Object> out = new LinkedHashMap<>();
        int colon = policy.indexOf(':');
        out.put("Name", colon < 0 ? policy : policy.substring(0, colon));
        if (colon >= 0) out.put("MaximumRetryCount", Long.parseLong(policy.substring(colon + 1).strip()));
        return out;
    }

    private static void resources(Body host, Resources r) {
        host.put("Memory", r.memoryBytes());
        host.put("MemoryReservation", r.memoryReservationBytes());
        host.put("MemorySwap", r.memorySwapBytes());
        host.put("MemorySwappiness", r.memorySwappiness());
        host.put("NanoCpus", r.nanoCpus());
        host.put("CpuShares", r.cpuShares());
        host.put("CpuPeriod", r.cpuPeriod());
        host.put("CpuQuota", r.cpuQuota());
        host.put("CpuRealtimeRuntime", r.cpuRtRuntime());
        host.put("CpuRealtimePeriod", r.cpuRtPeriod());
        host.put("CpusetCpus", r.cpuset());
        host.put("CpuCount", r.cpuCount());
        host.put("CpuPercent", r.cpuPercent());
        host.put("PidsLimit", r.pidsLimit());
        host.put("OomKillDisable", r.oomKillDisable());
        host.put("OomScoreAdj", r.oomScoreAdj());
        host.put("ShmSize", r.shmSizeBytes());
    }

    /**
     * Namespaces: {@code network_mode} replaces the networks (no endpoints then); otherwise the container is
     * created on its first network.
     */
    private static void isolation(Body host, ContainerSpec spec, Isolation i) {
        if (i.network() != null) host.put("NetworkMode", engineForm(i.network()));
        else if (spec.primaryNetwork() != null) host.put("NetworkMode", spec.primaryNetwork());
        host.put("IpcMode", engineForm(i.ipc()));
        host.put("PidMode", engineForm(i.pid()));
        host.put("UTSMode", i.uts());
        host.put("CgroupnsMode", i.cgroup());
        host.put("CgroupParent", i.cgroupParent());
        host.put("UsernsMode", i.usernsMode());
        host.put("Isolation", i.isolation());
        host.put("Runtime", i.runtime());
    }

    /** {@code service:X} was resolved to {@code container:<name>} by the planner; the rest goes as written. */
    private static String engineForm(Namespace ns) {
        if (ns == null) return null;
        if (ns instanceof Namespace.OfService s) throw new IllegalStateException("unresolved service namespace " + s.text());
        return ns.text();
    }

    private static void security(Body host, Security s) {
        host.put("CapAdd", s.capAdd());
        host.put("CapDrop", s.capDrop());
        host.flag("Privileged", s.privileged());
        // systempaths=unconfined is the docker CLI's word for "mask and write-protect no path", not an engine option
        List<String> options = new ArrayList<>(s.securityOpt());
        if (options.remove("systempaths=unconfined")) {
            host.always("MaskedPaths", List.of());
            host.always("ReadonlyPaths", List.of());
        }
        host.put("SecurityOpt", options);
        host.flag("ReadonlyRootfs", s.readOnly());
        host.put("GroupAdd", s.groupAdd());
    }

    private static List<Map<String, Object>> ulimits(Map<String, Ulimit> ulimits) {
        List<Map<String, Object>> out = new ArrayList<>();
        ulimits.forEach((name, u) -> out.add(new Body().always("Name", name).always("Soft", u.soft()).always("Hard", u.hard()).map()));
        return out;
    }

    private static void devices(Body host, ContainerOptions o) {
        List<Map<String, Object>> devices = new ArrayList<>();
        for (Device d : o.devices().mapped()) {
            devices.add(new Body().always("PathOnHost", d.source()).always("PathInContainer", d.target())
                    .always("CgroupPermissions", d.permissions()).map());
        }
        host.put("Devices", devices);
        host.put("DeviceCgroupRules", o.devices().cgroupRules());
        List<Map<String, Object>> requests = new ArrayList<>();
        for (DeviceRequest r : o.devices().requests()) {
            requests.add(new Body().always("Driver", r.driver()).always("Count", r.count()).put("DeviceIDs", r.deviceIds())
                    .put("Capabilities", r.capabilities().isEmpty() ? null : List.of(r.capabilities())).put("Options", r.options()).map());
        }
        host.put("DeviceRequests", requests);
        Blkio b = o.devices().blkio();
        host.put("BlkioWeight", b.weight());
        host.put("BlkioWeightDevice", b.weightDevice().stream().map(w -> Map.<String, Object>of("Path", w.path(), "Weight", w.weight())).toList());
        host.put("BlkioDeviceReadBps", rates(b.readBps()));
        host.put("BlkioDeviceReadIOps", rates(b.readIops()));
        host.put("BlkioDeviceWriteBps", rates(b.writeBps()));
        host.put("BlkioDeviceWriteIOps", rates(b.writeIops()));
    }

    private static List<Map<String, Object>> rates(List<Blkio.Rate> rates) {
        return rates.stream().map(r -> Map.<String, Object>of("Path", r.path(), "Rate", r.rate())).toList();
    }
}
