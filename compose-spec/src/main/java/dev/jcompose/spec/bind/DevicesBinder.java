package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.Blkio;
import dev.jcompose.spec.model.Device;
import dev.jcompose.spec.model.DeviceRequest;
import dev.jcompose.spec.model.Devices;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** {@code devices}, {@code device_cgroup_rules}, {@code gpus}, {@code deploy.resources.reservations.devices}, {@code blkio_config}. */
final class DevicesBinder {
    private final Nodes nodes;

    DevicesBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    Devices bind(MapNode svc, String p) {
        List<Device> mapped = new ArrayList<>();
        List<DeviceRequest> requests = new ArrayList<>();
        each(svc.get("devices"), p + ".devices", (item, at) -> device(item, at, mapped, requests));
        YamlNode gpus = svc.get("gpus");
        if (gpus instanceof ScalarNode sc && !sc.isNull()) {
            if (!sc.value().equals("all")) nodes.problems().add(gpus, p + ".gpus", "invalid gpus \"" + sc.value() + "\"", "use all, or a list of devices");
            else requests.add(new DeviceRequest("", -1, List.of(), List.of("gpu"), new TreeMap<>()));
        } else {
            each(gpus, p + ".gpus", (item, at) -> request(item, at, "gpu", requests));
        }
        if (svc.get("deploy") instanceof MapNode deploy && deploy.get("resources") instanceof MapNode r
                && r.get("reservations") instanceof MapNode reservations) {
            each(reservations.get("devices"), p + ".deploy.resources.reservations.devices", (item, at) -> request(item, at, null, requests));
        }
        return new Devices(mapped, nodes.strings(svc.get("device_cgroup_rules"), p, "device_cgroup_rules"), requests,
                blkio(svc.get("blkio_config"), p + ".blkio_config"));
    }

    private void each(YamlNode node, String path, BiConsumer<YamlNode, String> item) {
        if (node == null || node instanceof ScalarNode sc && sc.isNull()) return;
        if (!(node instanceof ListNode list)) {
            nodes.problems().add(node, path, "must be a list, found " + node.kindName());
            return;
        }
        for (int i = 0; i < list.items().size(); i++) item.accept(list.items().get(i), path + "[" + i + "]");
    }

    /** {@code /dev/x[:/dev/y[:rwm]]}, the long form, or a CDI name ({@code vendor.com/class=name}), which is a request. */
    private void device(YamlNode item, String at, List<Device> mapped, List<DeviceRequest> requests) {
        String source;
        String target;
        String permissions;
        if (item instanceof MapNode m) {
            source = nodes.string(m.get("source"), at, "source");
            target = nodes.string(m.get("target"), at, "target");
            permissions = nodes.string(m.get("permissions"), at, "permissions");
        } else {
            String spec = nodes.string(item, at);
            if (spec == null) return;
            if (!spec.startsWith("/") && spec.contains("=")) {
                requests.add(new DeviceRequest("cdi", 0, List.of(spec), List.of(), new TreeMap<>()));
                return;
            }
            String[] parts = spec.split(":", -1);
            if (parts.length > 3) {
                nodes.problems().add(item, at, "invalid device \"" + spec + "\"", "write /dev/host[:/dev/container[:rwm]]");
                return;
            }
            source = parts[0];
            target = parts.length > 1 ? parts[1] : null;
            permissions = parts.length > 2 ? parts[2] : null;
            // /dev/x:rw: a second part that is permissions, not a path
            if (parts.length == 2 && target.matches("[rwm]+")) {
                permissions = target;
                target = null;
            }
        }
        if (source == null || source.isEmpty()) {
            nodes.problems().add(item, at, "a device needs a source path");
            return;
        }
        if (permissions != null && !permissions.matches("[rwm]+")) {
            nodes.problems().add(item, at, "invalid device permissions \"" + permissions + "\"", "use a combination of r, w and m");
            return;
        }
        mapped.add(new Device(source, target == null || target.isEmpty() ? source : target, permissions == null ? "rwm" : permissions));
    }

    /** One long-syntax device request; package-private for {@link DeployBinder}, which types the same list. */
    void request(YamlNode item, String at, String implied, List<DeviceRequest> requests) {
        MapNode m = nodes.map(item, at);
        if (m == null) return;
        int count = 0;
        YamlNode c = m.get("count");
        if (c instanceof ScalarNode sc && "all".equals(sc.value())) count = -1;
        else if (c != null) {
            Integer n = nodes.integer(c, at + ".count");
            count = n == null ? 0 : n;
        }
        List<String> ids = nodes.strings(m.get("device_ids"), at, "device_ids");
        List<String> capabilities = new ArrayList<>(nodes.strings(m.get("capabilities"), at, "capabilities"));
        if (implied != null && !capabilities.contains(implied)) capabilities.add(implied);
        // no count and no ids: all of them, as the engine's --gpus all
        if (c == null && ids.isEmpty()) count = -1;
        String driver = nodes.string(m.get("driver"), at, "driver");
        requests.add(new DeviceRequest(driver == null ? "" : driver, count, ids, capabilities, nodes.stringMap(m.get("options"), at, "options")));
    }

    private Blkio blkio(YamlNode node, String path) {
        MapNode m = nodes.map(node, path);
        if (m == null) return Blkio.NONE;
        Integer weight = nodes.integer(m.get("weight"), path, "weight");
        if (weight != null && (weight < 10 || weight > 1000) && weight != 0) {
            nodes.problems().add(m.get("weight"), path + ".weight", "must be between 10 and 1000, found " + weight);
        }
        List<Blkio.Weight> weights = new ArrayList<>();
        each(m.get("weight_device"), path + ".weight_device", (item, at) -> {
            MapNode w = nodes.map(item, at);
            if (w == null) return;
            String dev = nodes.string(w.get("path"), at, "path");
            Integer value = nodes.integer(w.get("weight"), at, "weight");
            if (dev != null && value != null) weights.add(new Blkio.Weight(dev, value));
        });
        return new Blkio(weight, weights, rates(m, path, "device_read_bps", true), rates(m, path, "device_read_iops", false),
                rates(m, path, "device_write_bps", true), rates(m, path, "device_write_iops", false));
    }

    private List<Blkio.Rate> rates(MapNode m, String path, String key, boolean bytes) {
        List<Blkio.Rate> out = new ArrayList<>();
        each(m.get(key), path + "." + key, (item, at) -> {
            MapNode r = nodes.map(item, at);
            if (r == null) return;
            String dev = nodes.string(r.get("path"), at, "path");
            Long rate = bytes ? nodes.bytes(r.get("rate"), at + ".rate") : nodes.longValue(r.get("rate"), at + ".rate");
            if (dev != null && rate != null) out.add(new Blkio.Rate(dev, rate));
        });
        return out;
    }
}
