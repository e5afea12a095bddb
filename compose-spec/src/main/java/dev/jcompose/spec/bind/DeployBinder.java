package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.Deploy;
import dev.jcompose.spec.model.DeployResources;
import dev.jcompose.spec.model.DeviceRequest;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code deploy}, typed for a swarm deploy: mode, replicas, endpoint mode, labels, placement, update and rollback
 * policies, restart policy, resources. A bad value is a load error at its line, whatever command runs; what
 * {@code up} does with {@code deploy} is decided elsewhere (scale, {@link ResourcesBinder}, {@link LifecycleBinder})
 * and warned by {@link IgnoredAttributes}.
 */
final class DeployBinder {
    private final Nodes nodes;
    private final DevicesBinder devices;

    DeployBinder(Nodes nodes) {
        this.nodes = nodes;
        this.devices = new DevicesBinder(nodes);
    }

    Deploy bind(MapNode svc, String p) {
        MapNode d = nodes.map(svc.get("deploy"), p, "deploy");
        if (d == null) return Deploy.NONE;
        String at = p + ".deploy";
        Integer replicas = nodes.integer(d.get("replicas"), at, "replicas");
        if (replicas != null && replicas < 0) {
            // scale's binder reports a negative count; null keeps the model valid
            replicas = null;
        }
        return new Deploy(
                choice(d.get("mode"), at + ".mode", Deploy.Mode.values(), Deploy.Mode::key),
                replicas,
                choice(d.get("endpoint_mode"), at + ".endpoint_mode", Deploy.EndpointMode.values(), Deploy.EndpointMode::key),
                nodes.stringMap(d.get("labels"), at, "labels"),
                placement(d.get("placement"), at + ".placement"),
                update(d.get("update_config"), at + ".update_config"),
                update(d.get("rollback_config"), at + ".rollback_config"),
                restart(d.get("restart_policy"), at + ".restart_policy"),
                resources(d.get("resources"), at + ".resources"));
    }

    private Deploy.Placement placement(YamlNode node, String at) {
        MapNode m = nodes.map(node, at);
        if (m == null) return Deploy.Placement.NONE;
        List<String> spreads = new ArrayList<>();
        if (m.get("preferences") instanceof ListNode prefs) {
            for (int i = 0; i < prefs.items().size(); i++) {
                String ip = at + ".preferences[" + i + "]";
                MapNode pref = nodes.map(prefs.items().get(i), ip);
                if (pref == null) continue;
                String spread = nodes.string(pref.get("spread"), ip, "spread");
                if (spread == null) nodes.problems().add(pref, ip, "a placement preference needs spread", "spread: node.labels.zone");
                else spreads.add(spread);
            }
        } else if (m.get("preferences") != null && !isNull(m.get("preferences"))) {
            nodes.problems().add(m.get("preferences"), at + ".preferences", "must be a list, found " + m.get("preferences").kindName());
        }
        Integer max = nodes.integer(m.get("max_replicas_per_node"), at, "max_replicas_per_node");
        if (max != null && max < 0) {
            nodes.problems().add(m.get("max_replicas_per_node"), at + ".max_replicas_per_node", "must not be negative, found " + max);
            max = null;
        }
        return new Deploy.Placement(nodes.strings(m.get("constraints"), at, "constraints"), spreads, max);
    }

    private Deploy.UpdatePolicy update(YamlNode node, String at) {
        MapNode m = nodes.map(node, at);
        if (m == null) return null;
        Long parallelism = nonNegative(m.get("parallelism"), at + ".parallelism");
        BigDecimal ratio = nodes.decimal(m.get("max_failure_ratio"), at + ".max_failure_ratio");
        if (ratio != null && (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0)) {
            nodes.problems().add(m.get("max_failure_ratio"), at + ".max_failure_ratio",
                    "must be between 0 and 1, found " + ratio.toPlainString());
            ratio = null;
        }
        return new Deploy.UpdatePolicy(parallelism,
                nodes.nanos(m.get("delay"), at + ".delay"),
                choice(m.get("failure_action"), at + ".failure_action", Deploy.FailureAction.values(), Deploy.FailureAction::key),
                nodes.nanos(m.get("monitor"), at + ".monitor"),
                ratio == null ? null : ratio.doubleValue(),
                choice(m.get("order"), at + ".order", Deploy.Order.values(), Deploy.Order::key));
    }

    private Deploy.RestartPolicy restart(YamlNode node, String at) {
        MapNode m = nodes.map(node, at);
        if (m == null) return null;
        String text = nodes.string(m.get("condition"), at, "condition");
        Deploy.Condition condition = null;
        if (text != null) {
            // always, no and unless-stopped are the engine's names, which docker compose takes here too
            condition = switch (text.strip()) {
                case "none", "no" -> Deploy.Condition.NONE;
                case "on-failure" -> Deploy.Condition.ON_FAILURE;
                case "any", "always", "unless-stopped" -> Deploy.Condition.ANY;
                default -> {
                    nodes.problems().add(m.get("condition"), at + ".condition", "invalid condition \"" + text + "\"",
                            "use none, on-failure or any");
                    yield null;
                }
            };
        }
        return new Deploy.RestartPolicy(condition, nodes.nanos(m.get("delay"), at + ".delay"),
                nonNegative(m.get("max_attempts"), at + ".max_attempts"), nodes.nanos(m.get("window"), at + ".window"));
    }

    private DeployResources resources(YamlNode node, String at) {
        MapNode m = nodes.map(node, at);
        if (m == null) return DeployResources.NONE;
        DeployResources.Limits limits = null;
        MapNode l = nodes.map(m.get("limits"), at, "limits");
        if (l != null) {
            String lp = at + ".limits";
            limits = new DeployResources.Limits(cpus(l.get("cpus"), lp + ".cpus"), nodes.bytes(l.get("memory"), lp + ".memory"),
                    nodes.longValue(l.get("pids"), lp + ".pids"));
        }
        DeployResources.Reservations reservations = null;
        MapNode r = nodes.map(m.get("reservations"), at, "reservations");
        if (r != null) {
            String rp = at + ".reservations";
            List<DeployResources.GenericResource> generic = new ArrayList<>();
            nodes.eachItem(r.get("generic_resources"), rp + ".generic_resources", (item, ip) -> {
                MapNode g = nodes.map(item, ip);
                MapNode spec = g == null ? null : nodes.map(g.get("discrete_resource_spec"), ip, "discrete_resource_spec");
                if (spec == null) {
                    if (g != null) nodes.problems().add(g, ip, "a generic resource needs discrete_resource_spec",
                            "discrete_resource_spec: {kind: gpu, value: 1}");
                    return;
                }
                String kind = nodes.string(spec.get("kind"), ip + ".discrete_resource_spec", "kind");
                Long value = nonNegative(spec.get("value"), ip + ".discrete_resource_spec.value");
                if (spec.get("kind") == null || spec.get("value") == null) {
                    nodes.problems().add(spec, ip + ".discrete_resource_spec", "needs a kind and a value");
                }
                if (kind == null || value == null) return; // a wrong value is reported at its own line
                generic.add(new DeployResources.GenericResource(kind, value));
            });
            List<DeviceRequest> requests = new ArrayList<>();
            if (r.get("devices") instanceof ListNode list) {
                for (int i = 0; i < list.items().size(); i++) {
                    devices.request(list.items().get(i), rp + ".devices[" + i + "]", null, requests);
                }
            }
            reservations = new DeployResources.Reservations(cpus(r.get("cpus"), rp + ".cpus"),
                    nodes.bytes(r.get("memory"), rp + ".memory"), generic, requests);
        }
        return new DeployResources(limits, reservations);
    }

    private Long cpus(YamlNode node, String path) {
        BigDecimal cpus = nodes.decimal(node, path);
        if (cpus == null) return null;
        if (cpus.signum() < 0) {
            nodes.problems().add(node, path, "must not be negative, found " + cpus.toPlainString());
            return null;
        }
        return cpus.movePointRight(9).longValue();
    }

    private Long nonNegative(YamlNode node, String path) {
        Long value = nodes.longValue(node, path);
        if (value != null && value < 0) {
            nodes.problems().add(node, path, "must not be negative, found " + value);
            return null;
        }
        return value;
    }

    /** One of an enum's values by its key; anything else is an error naming the choices. */
    private <E extends Enum<E>> E choice(YamlNode node, String path, E[] values, Function<E, String> key) {
        String text = nodes.string(node, path);
        if (text == null) return null;
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>();
        for (E e : values) {
            if (key.apply(e).equals(wanted)) return e;
            keys.add(key.apply(e));
        }
        nodes.problems().add(node, path, "invalid value \"" + text + "\"", "use " + String.join(", ", keys.subList(0, keys.size() - 1))
                + " or " + keys.get(keys.size() - 1));
        return null;
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof ScalarNode sc && sc.isNull();
    }
}
