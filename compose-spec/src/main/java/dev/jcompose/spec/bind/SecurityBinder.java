package dev.jcompose.spec.bind;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.TextFiles;
import dev.jcompose.spec.model.Security;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code cap_add}, {@code cap_drop}, {@code privileged}, {@code security_opt}, {@code read_only}, {@code group_add}.
 * A seccomp profile named by its file ({@code seccomp=profile.json}) is read here, as the docker CLI and docker
 * compose read it: the engine takes the profile's JSON, not a path on the client's machine.
 */
final class SecurityBinder {
    private static final Set<String> BUILT_IN_SECCOMP = Set.of("unconfined", "builtin");
    /** Docker's own default profile is about 20 KiB; a profile travels inside each container's create request. */
    static final TextFiles.Limit SECCOMP_PROFILE = new TextFiles.Limit("a seccomp profile", 1024L * 1024);

    private final Nodes nodes;
    private final Path projectDir;

    SecurityBinder(Nodes nodes, Path projectDir) {
        this.nodes = nodes;
        this.projectDir = projectDir;
    }

    Security bind(MapNode svc, String p) {
        return new Security(nodes.strings(svc.get("cap_add"), p, "cap_add"), nodes.strings(svc.get("cap_drop"), p, "cap_drop"),
                Boolean.TRUE.equals(nodes.bool(svc.get("privileged"), p, "privileged")),
                securityOpt(svc.get("security_opt"), p + ".security_opt"),
                Boolean.TRUE.equals(nodes.bool(svc.get("read_only"), p, "read_only")),
                nodes.strings(svc.get("group_add"), p, "group_add"));
    }

    private List<String> securityOpt(YamlNode node, String path) {
        List<String> out = new ArrayList<>();
        List<String> options = nodes.strings(node, path);
        for (int i = 0; i < options.size(); i++) {
            String opt = options.get(i);
            int sep = opt.indexOf('=') >= 0 ? opt.indexOf('=') : opt.indexOf(':');
            if (sep < 0 && !opt.equals("no-new-privileges")) {
                nodes.problems().add(item(node, i), path + "[" + i + "]", "invalid security option \"" + opt + "\"",
                        "write key=value, such as seccomp=unconfined or label=disable");
                continue;
            }
            if (sep > 0 && opt.substring(0, sep).equals("seccomp") && !BUILT_IN_SECCOMP.contains(opt.substring(sep + 1))) {
                Path profile = projectDir.resolve(opt.substring(sep + 1)).normalize();
                try {
                    // through TextFiles: a FIFO would block the read and a huge file fill the memory
                    out.add("seccomp=" + TextFiles.read(profile, SECCOMP_PROFILE).strip());
                } catch (ComposeException e) {
                    nodes.problems().add(item(node, i), path + "[" + i + "]", "seccomp profile " + profile + ": "
                                    + e.diagnostics().get(0).message(), "give the path of a profile's JSON file, or seccomp=unconfined");
                }
                continue;
            }
            out.add(opt);
        }
        return out;
    }

    private static YamlNode item(YamlNode node, int i) {
        return node instanceof ListNode l && i < l.items().size() ? l.items().get(i) : node;
    }
}
