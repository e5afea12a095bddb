package dev.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * One container's {@code docker inspect} output as the parity test compares it: a sorted map from a field path
 * ({@code Config.Env}, {@code HostConfig.CapAdd}, {@code NetworkSettings.Networks.<net>.Aliases}) to its value,
 * normalised by the rules {@link ParityEngineTest#BY_DESIGN} lists. A field that is null, [] or {} is absent.
 */
final class InspectView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Config fields left out, each for a reason in {@link ParityEngineTest#BY_DESIGN}. */
    static final Set<String> CONFIG_EXCLUDED = Set.of("AttachStdin", "AttachStdout", "AttachStderr", "Volumes");

    /** Lists whose order the engine does not care about: compared sorted. */
    static final Set<String> UNORDERED = Set.of(
            "Config.Env", "Config.ExposedPorts",
            "HostConfig.Binds", "HostConfig.Mounts", "HostConfig.CapAdd", "HostConfig.CapDrop", "HostConfig.SecurityOpt",
            "HostConfig.ExtraHosts", "HostConfig.DnsOptions", "HostConfig.GroupAdd", "HostConfig.Links",
            "HostConfig.VolumesFrom", "HostConfig.Devices", "HostConfig.DeviceCgroupRules", "HostConfig.Ulimits",
            "HostConfig.BlkioWeightDevice", "HostConfig.BlkioDeviceReadBps", "HostConfig.BlkioDeviceWriteBps",
            "HostConfig.BlkioDeviceReadIOps", "HostConfig.BlkioDeviceWriteIOps", "HostConfig.MaskedPaths",
            "HostConfig.ReadonlyPaths", "HostConfig.PortBindings.*",
            "NetworkSettings.Networks.keys", "NetworkSettings.Networks.*.Aliases", "NetworkSettings.Networks.*.Links");

    /** Maps keyed by data (a port, a network): their entries share one path with {@code *}. */
    private static final Set<String> DATA_MAPS = Set.of("HostConfig.PortBindings", "NetworkSettings.Networks");

    private InspectView() {}

    /**
     * @param inspect one element of {@code docker inspect}'s array
     * @param text    rewrites the strings that differ by design (project and container names, container ids)
     */
    static Map<String, JsonNode> of(JsonNode inspect, UnaryOperator<String> text) {
        Map<String, JsonNode> out = new TreeMap<>();
        JsonNode config = inspect.path("Config");
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (CONFIG_EXCLUDED.contains(f.getKey())) continue;
            JsonNode value = f.getValue();
            if (f.getKey().equals("Labels")) value = withoutComposeLabels(value);
            // a set written as a map to {}: the keys are the data, so they must not fall under "{} is unset"
            if (f.getKey().equals("ExposedPorts")) value = keys(value);
            put(out, "Config." + f.getKey(), value, text);
        }
        ObjectNode host = inspect.path("HostConfig").deepCopy();
        unifyMounts(host, config.path("Volumes"));
        for (Iterator<Map.Entry<String, JsonNode>> it = host.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            put(out, "HostConfig." + f.getKey(), f.getValue(), text);
        }
        String ownId = inspect.path("Id").asText();
        String ownName = inspect.path("Name").asText().replaceFirst("^/", "");
        ArrayNode networkNames = JSON.arrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = inspect.path("NetworkSettings").path("Networks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> n = it.next();
            String name = text.apply(n.getKey());
            networkNames.add(name);
            String path = "NetworkSettings.Networks." + name;
            ArrayNode aliases = JSON.arrayNode();
            for (JsonNode a : n.getValue().path("Aliases")) {
                // the container's own short id (v1 asks for it; the engine adds it when it starts the container) and
                // its own name (docker compose v2 asks for it): see BY_DESIGN
                if (a.asText().equals(ownId.substring(0, 12)) || a.asText().equals(ownName)) continue;
                aliases.add(a);
            }
            put(out, path + ".Aliases", aliases, text, "NetworkSettings.Networks.*.Aliases");
            put(out, path + ".IPAMConfig", n.getValue().path("IPAMConfig"), text, "NetworkSettings.Networks.*.IPAMConfig");
            put(out, path + ".Links", n.getValue().path("Links"), text, "NetworkSettings.Networks.*.Links");
        }
        put(out, "NetworkSettings.Networks", networkNames, text, "NetworkSettings.Networks.keys");
        return out;
    }

    private static void put(Map<String, JsonNode> out, String path, JsonNode value, UnaryOperator<String> text) {
        put(out, path, value, text, path);
    }

    private static void put(Map<String, JsonNode> out, String path, JsonNode value, UnaryOperator<String> text, String rulePath) {
        JsonNode n = normalise(value, rulePath, text);
        if (n != null) out.put(path, n);
    }

    private static JsonNode keys(JsonNode map) {
        ArrayNode out = JSON.arrayNode();
        map.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode withoutComposeLabels(JsonNode labels) {
        ObjectNode out = JSON.objectNode();
        labels.fields().forEachRemaining(l -> {
            if (!l.getKey().startsWith("com.docker.compose.")) out.set(l.getKey(), l.getValue());
        });
        return out;
    }

    /**
     * null, [] and {} become null (absent); object keys are sorted; the strings rewritten; lists in
     * {@link #UNORDERED} sorted.
     */
    static JsonNode normalise(JsonNode node, String path, UnaryOperator<String> text) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isTextual()) return TextNode.valueOf(text.apply(node.asText()));
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            boolean dataMap = DATA_MAPS.contains(path);
            node.fields().forEachRemaining(f -> {
                String key = text.apply(f.getKey());
                JsonNode v = normalise(f.getValue(), path + "." + (dataMap ? "*" : f.getKey()), text);
                if (v != null) sorted.put(key, v);
            });
            if (sorted.isEmpty()) return null;
            ObjectNode out = JSON.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode item : node) {
                JsonNode v = normalise(item, path + "[]", text);
                items.add(v == null ? JSON.nullNode() : v);
            }
            if (items.isEmpty()) return null;
            if (UNORDERED.contains(path)) items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode out = JSON.arrayNode();
            items.forEach(out::add);
            return out;
        }
        return node;
    }

    /**
     * Binds and Mounts as one table, so that the two ways of asking the engine for the same volume compare equal
     * (see BY_DESIGN): a Binds entry whose source is a volume name, not a host path, becomes the Mounts entry of type
     * volume it is equivalent to; a target declared in Config.Volumes that nothing else mounts becomes an anonymous
     * volume entry; a host-path bind stays in Binds as {@code source:target:options} with the options sorted and
     * {@code rw} written when neither {@code ro} nor {@code rw} is. Host-path binds do not move between the two:
     * a Binds entry creates a missing host directory, a Mounts entry refuses it.
     */
    static void unifyMounts(ObjectNode host, JsonNode configVolumes) {
        ArrayNode binds = JSON.arrayNode();
        ArrayNode mounts = JSON.arrayNode();
        host.path("Mounts").forEach(mounts::add);
        Set<String> targets = new LinkedHashSet<>();
        for (JsonNode m : mounts) targets.add(m.path("Target").asText());
        for (JsonNode b : host.path("Binds")) {
            String[] parts = b.asText().split(":", 3);
            if (parts.length < 2) {
                binds.add(b);
                continue;
            }
            Set<String> options = new TreeSet<>(parts.length == 3 ? List.of(parts[2].split(",")) : List.of());
            options.remove("");
            targets.add(parts[1]);
            if (parts[0].startsWith("/")) {
                if (!options.contains("ro") && !options.contains("rw")) options.add("rw");
                binds.add(parts[0] + ":" + parts[1] + ":" + String.join(",", options));
                continue;
            }
            ObjectNode volume = JSON.objectNode();
            volume.put("Type", "volume");
            volume.put("Source", parts[0]);
            volume.put("Target", parts[1]);
            if (options.remove("ro")) volume.put("ReadOnly", true);
            options.remove("rw");
            if (options.remove("nocopy")) volume.putObject("VolumeOptions").put("NoCopy", true);
            // anything else a volume bind carries stays visible rather than silently equal
            if (!options.isEmpty()) volume.put("BindsOptions", String.join(",", options));
            mounts.add(volume);
        }
        configVolumes.fieldNames().forEachRemaining(target -> {
            if (targets.add(target)) mounts.addObject().put("Type", "volume").put("Target", target);
        });
        host.set("Binds", binds);
        host.set("Mounts", mounts);
    }
}
