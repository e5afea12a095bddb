package dev.jcompose.spec.bind;

import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.model.ServiceVolume;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** A service's {@code volumes}: the short syntax through {@link VolumeSyntax}, the long one checked key by key. */
final class VolumesBinder {
    private final Nodes nodes;
    private final Path projectDir;
    private final String home;
    private final boolean resolvePaths;
    /** The load's warnings: a short-syntax option compose ignores is named at its line. */
    private final List<String> warnings;

    VolumesBinder(Nodes nodes, Path projectDir, String home, boolean resolvePaths, List<String> warnings) {
        this.nodes = nodes;
        this.projectDir = projectDir;
        this.home = home;
        this.resolvePaths = resolvePaths;
        this.warnings = warnings;
    }

    List<ServiceVolume> bind(YamlNode node, String path) {
        List<ServiceVolume> out = new ArrayList<>();
        nodes.eachItem(node, path, (item, itemPath) -> {
            ServiceVolume v;
            if (item instanceof MapNode m) {
                v = longVolume(m, itemPath);
            } else {
                String spec = nodes.string(item, itemPath);
                if (spec == null) return;
                v = VolumeSyntax.parse(spec, resolvePaths ? projectDir : null, home, mode -> warnings.add(
                        new Diagnostic(item.location(), itemPath, "unknown volume option \"" + mode + "\": ignored").format()));
            }
            if (v == null) return;
            if (v.options().containsKey("consistency")) {
                // cached and delegated tune Docker Desktop's file sharing; an engine on Linux has none to tune
                warnings.add(new Diagnostic(item.location(), itemPath, "consistency " + v.options().get("consistency")
                        + " only tunes Docker Desktop's file sharing: ignored").format());
            }
            out.add(v);
        });
        return out;
    }

    private ServiceVolume longVolume(MapNode m, String path) {
        String type = nodes.string(m.get("type"), path + ".type");
        String source = nodes.string(m.get("source"), path + ".source");
        String target = nodes.string(m.get("target"), path + ".target");
        Boolean readOnly = nodes.bool(m.get("read_only"), path + ".read_only");
        if (type == null) type = source != null && VolumeSyntax.isPath(source) ? ServiceVolume.BIND : ServiceVolume.VOLUME;
        if (!List.of(ServiceVolume.VOLUME, ServiceVolume.BIND, ServiceVolume.TMPFS).contains(type)) {
            nodes.problems().add(m.get("type"), path + ".type", "unsupported mount type \"" + type + "\"",
                    "use volume, bind or tmpfs");
            return null;
        }
        if (target == null || !target.startsWith("/")) {
            nodes.problems().add(m, path + ".target", "a mount needs an absolute target path");
            return null;
        }
        if (type.equals(ServiceVolume.BIND)) {
            if (source == null) {
                nodes.problems().add(m, path + ".source", "a bind mount needs a source path");
                return null;
            }
            if (resolvePaths) source = VolumeSyntax.resolve(source, projectDir, home);
        }
        LONG_VOLUME.check(m, path, nodes.problems());
        // as compose-go: a bind makes its missing source unless it says create_host_path: false
        boolean createHostPath = true;
        String propagation = null;
        if (m.get("bind") instanceof MapNode bind) {
            createHostPath = !Boolean.FALSE.equals(nodes.bool(bind.get("create_host_path"), path + ".bind", "create_host_path"));
            propagation = nodes.string(bind.get("propagation"), path + ".bind", "propagation");
            String recursive = nodes.string(bind.get("recursive"), path + ".bind", "recursive");
            if (recursive != null && !Set.of("enabled", "disabled", "writable", "readonly").contains(recursive)) {
                nodes.problems().add(bind.get("recursive"), path + ".bind.recursive", "invalid recursive \"" + recursive + "\"",
                        "use enabled, disabled, writable or readonly");
            }
            String selinux = nodes.string(bind.get("selinux"), path + ".bind", "selinux");
            if (selinux != null && !selinux.equals("z") && !selinux.equals("Z")) {
                nodes.problems().add(bind.get("selinux"), path + ".bind.selinux", "invalid selinux \"" + selinux + "\"", "use z (shared) or Z (private)");
            }
        }
        if (propagation != null && !PROPAGATION.contains(propagation)) {
            nodes.problems().add(m, path + ".bind.propagation", "invalid propagation \"" + propagation + "\"",
                    "use one of " + String.join(", ", new TreeSet<>(PROPAGATION)));
        }
        if (m.get("volume") instanceof MapNode volume) nodes.bool(volume.get("nocopy"), path + ".volume", "nocopy");
        if (m.get("tmpfs") instanceof MapNode tmpfs && tmpfs.get("mode") instanceof ScalarNode mode && !mode.isNull()
                && !mode.value().matches("(0o|0)?[0-7]{1,4}")) {
            nodes.problems().add(mode, path + ".tmpfs.mode", "must be a file mode such as 1777, found \"" + mode.value() + "\"");
        }
        SortedMap<String, Object> options = new TreeMap<>();
        for (MapNode.Entry e : m.entries()) {
            if (!List.of("type", "source", "target", "read_only").contains(e.key())) options.put(e.key(), e.value().toPlain());
        }
        if (options.get("tmpfs") instanceof Map<?, ?> tmpfs && tmpfs.get("size") != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) tmpfs;
            try {
                t.put("size", String.valueOf(Units.bytes(String.valueOf(t.get("size")))));
            } catch (IllegalArgumentException e) {
                nodes.problems().add(m, path + ".tmpfs.size", e.getMessage());
            }
        }
        return new ServiceVolume(type, source, target, Boolean.TRUE.equals(readOnly), options, createHostPath);
    }

    private static final Set<String> PROPAGATION = Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave");

    /** The long volume syntax's keys, so that a misspelt one is reported with a "did you mean". */
    private static final Shape LONG_VOLUME = Shape.Obj.ofKeys(NestedKeys.SERVICE_VOLUME.keySet(), Map.of(
            "bind", Shape.Obj.ofKeys(NestedKeys.SERVICE_VOLUME_BIND.keySet(), Map.of()),
            "volume", Shape.Obj.ofKeys(NestedKeys.SERVICE_VOLUME_VOLUME.keySet(), Map.of("labels", new Shape.Either(new Shape.MapOf(new Shape.Scalar()), new Shape.ListOf(new Shape.Scalar())))),
            "tmpfs", Shape.Obj.ofKeys(NestedKeys.SERVICE_VOLUME_TMPFS.keySet(), Map.of()),
            "image", new Shape.Obj(Map.of("subpath", new Shape.Scalar()))));
}
