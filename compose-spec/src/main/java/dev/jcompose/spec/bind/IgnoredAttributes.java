package dev.jcompose.spec.bind;

import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Location;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of a service that a single engine cannot honour, each as a warning at its line: Swarm-only
 * {@code deploy} keys, and the attributes jcompose does not implement yet. {@code up}, {@code create} and
 * {@code run} print them; nothing is dropped without a word.
 */
final class IgnoredAttributes {
    private IgnoredAttributes() {}

    /** Service keys read but not carried out, with why. */
    static final Map<String, String> SERVICE = Map.of(
            "develop", "develop (watch) is not implemented by jcompose",
            "credential_spec", "credential_spec applies to Windows containers only",
            "models", "models are not implemented by jcompose",
            "provider", "provider services are not implemented by jcompose",
            "use_api_socket", "use_api_socket is not implemented by jcompose",
            "pre_start", "pre_start hooks are not implemented by jcompose",
            "pull_refresh_after", "pull_refresh_after is not implemented by jcompose");

    /** The parts of {@code deploy} a single engine applies; the rest configure a swarm. */
    private static final Set<String> DEPLOY_APPLIED = Set.of("replicas", "resources", "restart_policy", "mode");

    static List<Diagnostic> of(MapNode svc, String p) {
        List<Diagnostic> out = new ArrayList<>();
        for (MapNode.Entry e : svc.entries()) {
            String why = SERVICE.get(e.key());
            if (why != null && !isNull(e.value())) out.add(new Diagnostic(e.keyLocation(), p + "." + e.key(), why + ": ignored"));
        }
        if (svc.get("deploy") instanceof MapNode deploy) {
            deploy(deploy, p + ".deploy", out);
            if (deploy.get("restart_policy") instanceof MapNode && svc.get("restart") instanceof ScalarNode r && !r.isNull()) {
                out.add(new Diagnostic(r.location(), p + ".restart", "deploy.restart_policy is set too and wins, as in docker compose: ignored"));
            }
        }
        if (svc.get("mac_address") != null && svc.get("network_mode") != null) {
            out.add(new Diagnostic(at(svc, "mac_address"), p + ".mac_address",
                    "a MAC address belongs to the service's own network, which network_mode replaces: ignored"));
        }
        if (svc.get("stop_grace_period") instanceof ScalarNode grace && !grace.isNull()) {
            try {
                long nanos = Units.nanos(grace.value());
                if (nanos % 1_000_000_000L != 0) {
                    out.add(new Diagnostic(grace.location(), p + ".stop_grace_period", "the engine takes whole seconds: "
                            + grace.value() + " is sent as " + nanos / 1_000_000_000L + "s, as docker compose sends it"));
                }
            } catch (IllegalArgumentException e) {
                // a bad duration is the binder's to report
            }
        }
        if (svc.get("networks") instanceof MapNode networks) {
            for (MapNode.Entry n : networks.entries()) {
                if (n.value() instanceof MapNode attachment && attachment.get("interface_name") != null) {
                    out.add(new Diagnostic(at(attachment, "interface_name"), p + ".networks." + n.key() + ".interface_name",
                            "interface_name is not implemented by jcompose: ignored"));
                }
            }
        }
        return out;
    }

    private static void deploy(MapNode deploy, String p, List<Diagnostic> out) {
        for (MapNode.Entry e : deploy.entries()) {
            if (isNull(e.value()) || e.key().startsWith("x-")) continue;
            if (!DEPLOY_APPLIED.contains(e.key())) {
                out.add(new Diagnostic(e.keyLocation(), p + "." + e.key(), "applies to a swarm only: ignored"));
            }
        }
        if (deploy.get("mode") instanceof ScalarNode mode && !mode.isNull() && !mode.value().equals("replicated")) {
            out.add(new Diagnostic(mode.location(), p + ".mode", "mode " + mode.value() + " applies to a swarm only: ignored"));
        }
        if (deploy.get("restart_policy") instanceof MapNode policy) {
            for (String key : List.of("delay", "window")) {
                if (policy.get(key) != null) out.add(new Diagnostic(at(policy, key), p + ".restart_policy." + key,
                        "applies to a swarm only: ignored"));
            }
        }
        if (deploy.get("resources") instanceof MapNode resources) {
            if (resources.get("reservations") instanceof MapNode r) {
                for (String key : List.of("cpus", "generic_resources", "pids")) {
                    if (r.get(key) != null) out.add(new Diagnostic(at(r, key), p + ".resources.reservations." + key,
                            "reserved on a swarm only: ignored"));
                }
            }
            if (resources.get("limits") instanceof MapNode l) {
                for (String key : List.of("devices", "generic_resources")) {
                    if (l.get(key) != null) out.add(new Diagnostic(at(l, key), p + ".resources.limits." + key,
                            "applies to a swarm only: ignored"));
                }
            }
        }
    }

    private static Location at(MapNode m, String key) {
        MapNode.Entry e = m.entryMap().get(key);
        return e == null ? m.location() : e.keyLocation();
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof ScalarNode sc && sc.isNull();
    }
}
