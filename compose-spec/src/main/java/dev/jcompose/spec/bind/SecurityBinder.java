package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.Security;
import dev.jcompose.spec.yaml.MapNode;

/** {@code cap_add}, {@code cap_drop}, {@code privileged}, {@code security_opt}, {@code read_only}, {@code group_add}. */
final class SecurityBinder {
    private final Nodes nodes;

    SecurityBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    Security bind(MapNode svc, String p) {
        return new Security(nodes.strings(svc.get("cap_add"), p, "cap_add"), nodes.strings(svc.get("cap_drop"), p, "cap_drop"),
                Boolean.TRUE.equals(nodes.bool(svc.get("privileged"), p, "privileged")),
                nodes.strings(svc.get("security_opt"), p, "security_opt"),
                Boolean.TRUE.equals(nodes.bool(svc.get("read_only"), p, "read_only")),
                nodes.strings(svc.get("group_add"), p, "group_add"));
    }
}
