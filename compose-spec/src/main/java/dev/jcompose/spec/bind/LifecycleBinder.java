package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.Hook;
import dev.jcompose.spec.model.Lifecycle;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** {@code stop_signal}, {@code stop_grace_period}, {@code post_start}, {@code pre_stop}, {@code attach}, {@code deploy.restart_policy}. */
final class LifecycleBinder {
    private final Nodes nodes;

    LifecycleBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    Lifecycle bind(MapNode svc, String p) {
        Boolean attach = nodes.bool(svc.get("attach"), p, "attach");
        return new Lifecycle(nodes.string(svc.get("stop_signal"), p, "stop_signal"),
                nodes.nanos(svc.get("stop_grace_period"), p + ".stop_grace_period"),
                hooks(svc.get("post_start"), p + ".post_start"), hooks(svc.get("pre_stop"), p + ".pre_stop"),
                !Boolean.FALSE.equals(attach), deployRestart(svc, p));
    }

    /**
     * {@code deploy.restart_policy} as docker compose maps it outside a swarm ({@code mapRestartPolicyCondition}):
     * any → always, none → no; with no condition compose sends an empty policy, which the engine reads as no.
     */
    private String deployRestart(MapNode svc, String p) {
        if (!(svc.get("deploy") instanceof MapNode deploy) || !(deploy.get("restart_policy") instanceof MapNode policy)) return null;
        String at = p + ".deploy.restart_policy";
        String condition = nodes.string(policy.get("condition"), at, "condition");
        Integer attempts = nodes.integer(policy.get("max_attempts"), at, "max_attempts");
        if (attempts != null && attempts < 0) {
            nodes.problems().add(policy.get("max_attempts"), at + ".max_attempts", "must not be negative, found " + attempts);
        }
        String name = switch (condition == null ? "" : condition) {
            case "any", "always" -> "always";
            case "none", "no", "" -> "no";
            case "on-failure" -> "on-failure";
            case "unless-stopped" -> "unless-stopped";
            default -> {
                nodes.problems().add(policy.get("condition"), at + ".condition", "invalid condition \"" + condition + "\"",
                        "use none, on-failure or any");
                yield null;
            }
        };
        if (name == null) return null;
        return name.equals("on-failure") && attempts != null ? name + ":" + attempts : name;
    }

    private List<Hook> hooks(YamlNode node, String path) {
        List<Hook> out = new ArrayList<>();
        if (node == null || node instanceof ScalarNode sc && sc.isNull()) return out;
        if (!(node instanceof ListNode list)) {
            nodes.problems().add(node, path, "must be a list of hooks, found " + node.kindName());
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String at = path + "[" + i + "]";
            MapNode hook = nodes.map(list.items().get(i), at);
            if (hook == null) continue;
            YamlNode command = hook.get("command");
            List<String> argv = command instanceof ListNode ? nodes.strings(command, at + ".command")
                    : command == null ? List.of() : shellWords(command, at + ".command");
            if (argv.isEmpty()) {
                nodes.problems().add(hook, at + ".command", "a hook needs a command");
                continue;
            }
            out.add(new Hook(argv, nodes.string(hook.get("user"), at, "user"),
                    Boolean.TRUE.equals(nodes.bool(hook.get("privileged"), at, "privileged")),
                    nodes.string(hook.get("working_dir"), at, "working_dir"),
                    nodes.stringMap(hook.get("environment"), at, "environment")));
        }
        return out;
    }

    private List<String> shellWords(YamlNode node, String path) {
        String line = nodes.string(node, path);
        if (line == null) return List.of();
        try {
            return ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            nodes.problems().add(node, path, e.getMessage() + " in \"" + line + "\"");
            return List.of();
        }
    }
}
