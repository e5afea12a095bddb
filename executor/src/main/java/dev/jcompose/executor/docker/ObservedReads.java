package dev.jcompose.executor.docker;

import static dev.jcompose.executor.docker.Transport.filters;
import static dev.jcompose.executor.docker.Transport.pathSegment;

import dev.jcompose.executor.ContainerProcesses;
import dev.jcompose.executor.ContainerStatus;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.StatsSample;
import dev.jcompose.executor.VolumeSummary;
import dev.jcompose.executor.docker.Transport.NotFound;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedImage;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.observed.PublishedPort;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The reads of the engine's state, its JSON turned into the planner's observed records. */
final class ObservedReads {
    private final Transport transport;

    ObservedReads(Transport transport) {
        this.transport = transport;
    }

    List<ObservedContainer> containers(String project) {
        return observed(transport.call("list containers", () -> transport.get("/containers/json?all=1&filters="
                + filters("label", Labels.PROJECT + "=" + project))));
    }

    List<ObservedContainer> allProjectContainers() {
        return observed(transport.call("list containers", () -> transport.get("/containers/json?all=1&filters="
                + filters("label", Labels.PROJECT))));
    }

    private static List<ObservedContainer> observed(Object list) {
        List<ObservedContainer> out = new ArrayList<>();
        for (Object c : EngineJson.list(list)) {
            List<String> names = EngineJson.strings(c, "Names");
            String id = EngineJson.string(c, "Id");
            String name = names.isEmpty() ? id : names.get(0).replaceFirst("^/", "");
            List<PublishedPort> ports = new ArrayList<>();
            for (Object p : EngineJson.list(c, "Ports")) {
                Object published = EngineJson.field(p, "PublicPort");
                ports.add(new PublishedPort(EngineJson.string(p, "IP"), published == null ? null : (int) EngineJson.number(p, "PublicPort"),
                        (int) EngineJson.number(p, "PrivatePort"), EngineJson.string(p, "Type")));
            }
            TreeMap<String, String> volumes = new TreeMap<>();
            List<String> mounts = new ArrayList<>();
            for (Object m : EngineJson.list(c, "Mounts")) {
                // volume mounts have a name (binds have none)
                String volume = EngineJson.string(m, "Name");
                String destination = EngineJson.string(m, "Destination");
                if (volume != null && !volume.isEmpty() && destination != null) volumes.put(destination, volume);
                String shown = volume != null && !volume.isEmpty() ? volume : EngineJson.string(m, "Source");
                if (shown != null && !shown.isEmpty()) mounts.add(shown);
            }
            Object networkSettings = EngineJson.field(c, "NetworkSettings");
            List<String> networks = new ArrayList<>();
            Object attached = networkSettings == null ? null : EngineJson.field(networkSettings, "Networks");
            if (attached instanceof Map<?, ?> byName) byName.keySet().forEach(k -> networks.add(String.valueOf(k)));
            out.add(new ObservedContainer(id, name, EngineJson.string(c, "Image"), EngineJson.string(c, "ImageID"),
                    orEmpty(EngineJson.string(c, "Command")), EngineJson.number(c, "Created"), orEmpty(EngineJson.string(c, "State")),
                    orEmpty(EngineJson.string(c, "Status")), EngineJson.stringMap(c, "Labels"), ports, volumes, networks, mounts));
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The container's state, health and exit code now. */
    ContainerStatus inspect(String container) {
        Object st = EngineJson.field(transport.call("inspect container " + container,
                () -> transport.get("/containers/" + pathSegment(container) + "/json")), "State");
        String health = EngineJson.string(EngineJson.field(st, "Health"), "Status");
        String state = orEmpty(EngineJson.string(st, "Status"));
        Object exit = EngineJson.field(st, "ExitCode");
        return new ContainerStatus(state, health, state.equals("exited") || state.equals("dead")
                ? (exit instanceof Number n ? Integer.valueOf(n.intValue()) : null) : null);
    }

    /** The container's processes: the engine's {@code Titles}, and its {@code Processes} as rows of text. */
    ContainerProcesses top(String container) {
        Object answer = transport.call("top of container " + container,
                () -> transport.get("/containers/" + pathSegment(container) + "/top"));
        List<List<String>> rows = new ArrayList<>();
        for (Object process : EngineJson.list(answer, "Processes")) {
            rows.add(EngineJson.list(process).stream().map(String::valueOf).toList());
        }
        return new ContainerProcesses(EngineJson.strings(answer, "Titles"), rows);
    }

    /** One sample of the container's counters, and the one before (the engine waits for it with {@code stream=false}). */
    StatsSample stats(String container) {
        Object s = transport.call("stats of container " + container,
                () -> transport.get("/containers/" + pathSegment(container) + "/stats?stream=false"));
        Object cpu = EngineJson.field(s, "cpu_stats");
        Object pre = EngineJson.field(s, "precpu_stats");
        long online = EngineJson.number(cpu, "online_cpus");
        if (online == 0) online = EngineJson.list(EngineJson.field(cpu, "cpu_usage"), "percpu_usage").size();
        Object memory = EngineJson.field(s, "memory_stats");
        Object memoryStats = EngineJson.field(memory, "stats");
        // what docker leaves out of the usage it prints: cgroup v1 names it total_inactive_file, v2 inactive_file
        long inactive = EngineJson.field(memoryStats, "total_inactive_file") != null ? EngineJson.number(memoryStats, "total_inactive_file")
                : EngineJson.field(memoryStats, "inactive_file") != null ? EngineJson.number(memoryStats, "inactive_file") : -1;
        long rx = 0;
        long tx = 0;
        if (EngineJson.field(s, "networks") instanceof Map<?, ?> networks) {
            for (Object n : networks.values()) {
                rx += EngineJson.number(n, "rx_bytes");
                tx += EngineJson.number(n, "tx_bytes");
            }
        }
        long read = 0;
        long write = 0;
        for (Object entry : EngineJson.list(EngineJson.field(s, "blkio_stats"), "io_service_bytes_recursive")) {
            String op = String.valueOf(EngineJson.string(entry, "op")).toLowerCase(Locale.ROOT);
            if (op.equals("read")) read += EngineJson.number(entry, "value");
            if (op.equals("write")) write += EngineJson.number(entry, "value");
        }
        String name = orEmpty(EngineJson.string(s, "name")).replaceFirst("^/", "");
        return new StatsSample(orEmpty(EngineJson.string(s, "id")), name,
                EngineJson.number(EngineJson.field(cpu, "cpu_usage"), "total_usage"), EngineJson.number(EngineJson.field(pre, "cpu_usage"), "total_usage"),
                EngineJson.number(cpu, "system_cpu_usage"), EngineJson.number(pre, "system_cpu_usage"), online,
                EngineJson.number(memory, "usage"), inactive, EngineJson.number(memory, "limit"), rx, tx, read, write,
                EngineJson.number(EngineJson.field(s, "pids_stats"), "current"));
    }

    List<VolumeSummary> volumeSummaries(String project) {
        Object answer = transport.call("list volumes", () -> transport.get("/volumes?filters=" + filters("label", Labels.PROJECT + "=" + project)));
        List<VolumeSummary> out = new ArrayList<>();
        for (Object v : EngineJson.list(answer, "Volumes")) {
            out.add(new VolumeSummary(EngineJson.string(v, "Name"), orEmpty(EngineJson.string(v, "Driver")), orEmpty(EngineJson.string(v, "Scope")),
                    orEmpty(EngineJson.string(v, "Mountpoint")), EngineJson.stringMap(v, "Labels")));
        }
        return out;
    }

    List<ObservedNetwork> networks() {
        Object list = transport.call("list networks", () -> transport.get("/networks"));
        List<ObservedNetwork> out = new ArrayList<>();
        for (Object n : EngineJson.list(list)) {
            out.add(new ObservedNetwork(EngineJson.string(n, "Id"), EngineJson.string(n, "Name"), EngineJson.string(n, "Driver"),
                    EngineJson.stringMap(n, "Labels")));
        }
        return out;
    }

    /** The names of the containers attached to a network, sorted; none when the network cannot be read. */
    List<String> attachedContainers(String network) {
        try {
            Object inspected = transport.call("inspect network " + network, () -> transport.get("/networks/" + pathSegment(network)));
            List<String> names = new ArrayList<>();
            if (EngineJson.field(inspected, "Containers") instanceof Map<?, ?> containers) {
                containers.values().forEach(c -> names.add(EngineJson.string(c, "Name") == null ? "?" : EngineJson.string(c, "Name")));
            }
            Collections.sort(names);
            return names;
        } catch (EngineException e) {
            return List.of();
        }
    }

    List<ObservedVolume> volumes(String project) {
        Object answer = transport.call("list volumes", () -> transport.get("/volumes?filters=" + filters("label", Labels.PROJECT + "=" + project)));
        List<ObservedVolume> out = new ArrayList<>();
        for (Object v : EngineJson.list(answer, "Volumes")) out.add(volume(v));
        return out;
    }

    Optional<ObservedVolume> volume(String name) {
        try {
            return Optional.of(volume(transport.call("inspect volume " + name, () -> transport.get("/volumes/" + pathSegment(name)))));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private static ObservedVolume volume(Object v) {
        return new ObservedVolume(EngineJson.string(v, "Name"), EngineJson.string(v, "Driver"), EngineJson.stringMap(v, "Labels"));
    }

    Optional<ObservedImage> image(String reference) {
        try {
            Object i = transport.call("inspect image " + reference, () -> transport.get("/images/" + reference + "/json"));
            long created = 0;
            try {
                String date = EngineJson.string(i, "Created");
                if (date != null) created = Instant.parse(date).getEpochSecond();
            } catch (DateTimeParseException e) {
                // an odd date leaves the age unknown, nothing else
            }
            return Optional.of(new ObservedImage(EngineJson.string(i, "Id"), EngineJson.strings(i, "RepoTags"),
                    EngineJson.stringMap(EngineJson.field(i, "Config"), "Labels"), created, EngineJson.number(i, "Size")));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    List<ObservedImage> images(String project) {
        List<ObservedImage> out = new ArrayList<>();
        Object list = transport.call("list images", () -> transport.get("/images/json?filters=" + filters("label", Labels.PROJECT + "=" + project)));
        for (Object i : EngineJson.list(list)) {
            List<String> tags = new ArrayList<>();
            for (String t : EngineJson.strings(i, "RepoTags")) if (!t.equals("<none>:<none>")) tags.add(t);
            out.add(new ObservedImage(EngineJson.string(i, "Id"), tags, EngineJson.stringMap(i, "Labels"),
                    EngineJson.number(i, "Created"), EngineJson.number(i, "Size")));
        }
        return out;
    }
}
