package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.ContainerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mounts as docker compose sends them: a bind whose missing source may be made as a folder goes as a legacy
 * {@code Binds} string (the engine makes the folder), one that must exist (or has a propagation) as a
 * {@code Mounts} entry (the engine refuses a missing source); volumes and tmpfs as {@code Mounts}; the service's
 * {@code tmpfs} key as {@code Tmpfs}.
 */
final class Mounts {
    private final List<String> binds = new ArrayList<>();
    private final List<Map<String, Object>> mounts = new ArrayList<>();

    static Mounts of(Translation t) {
        Mounts m = new Mounts();
        for (ContainerSpec.MountSpec mount : t.spec().mounts()) m.add(t, mount);
        return m;
    }

    List<String> binds() {
        return binds;
    }

    List<Map<String, Object>> mounts() {
        return mounts;
    }

    private void add(Translation t, ContainerSpec.MountSpec m) {
        switch (m.type()) {
            case "bind" -> bind(t, m);
            case "tmpfs" -> {
                Body mount = base("tmpfs", null, m);
                Body options = new Body().put("SizeBytes", m.tmpfsSize()).put("Mode", m.tmpfsMode());
                if (!options.isEmpty()) mount.put("TmpfsOptions", options.map());
                mounts.add(mount.map());
            }
            default -> {
                Body mount = base("volume", m.source(), m);
                Body options = new Body().flag("NoCopy", m.noCopy()).put("Labels", m.volumeLabels());
                if (m.subpath() != null) {
                    if (!t.api().atLeast("1.45")) {
                        // mounting the whole volume instead of its folder would be another system: refused, not warned
                        throw new IllegalArgumentException(t.spec().name() + ": volume.subpath needs Engine API 1.45 and this engine speaks "
                                + t.api().version());
                    }
                    options.put("Subpath", m.subpath());
                }
                if (!options.isEmpty()) mount.put("VolumeOptions", options.map());
                mounts.add(mount.map());
            }
        }
    }

    private void bind(Translation t, ContainerSpec.MountSpec m) {
        if (m.createHostPath() && m.propagation() == null && m.recursive() == null) {
            StringBuilder bind = new StringBuilder(m.source()).append(':').append(m.target()).append(':').append(m.readOnly() ? "ro" : "rw");
            if (m.selinux() != null) bind.append(',').append(m.selinux());
            binds.add(bind.toString());
            return;
        }
        Body mount = base("bind", m.source(), m);
        Body bind = new Body().put("Propagation", m.propagation());
        // bind.recursive as docker compose maps it: disabled → NonRecursive; the read-only forms need API 1.44, and
        // mounting writable what the file wants read-only would be another system: refused, not warned
        if ("disabled".equals(m.recursive())) bind.put("NonRecursive", true);
        if (("writable".equals(m.recursive()) || "readonly".equals(m.recursive())) && !t.api().atLeast("1.44")) {
            throw new IllegalArgumentException(t.spec().name() + ": " + m.target() + ": bind.recursive: " + m.recursive()
                    + " needs Engine API 1.44 and this engine speaks " + t.api().version());
        }
        if ("writable".equals(m.recursive())) bind.put("ReadOnlyNonRecursive", true);
        if ("readonly".equals(m.recursive())) bind.put("ReadOnlyForceRecursive", true);
        if (!bind.isEmpty()) mount.put("BindOptions", bind.map());
        if (m.selinux() != null) {
            // the engine's mount API has no SELinux relabel: only the legacy bind string carries it
            t.warn(m.target() + ": bind.selinux cannot go with bind.propagation or create_host_path: false: ignored");
        }
        mounts.add(mount.map());
    }

    private static Body base(String type, String source, ContainerSpec.MountSpec m) {
        return new Body().always("Type", type).put("Source", source).always("Target", m.target()).always("ReadOnly", m.readOnly());
    }

    /** The service's {@code tmpfs} key: {@code /run:size=64m} is {@code {"/run": "size=64m"}}. */
    static Map<String, String> tmpfs(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String e : entries) {
            int colon = e.indexOf(':');
            out.put(colon < 0 ? e : e.substring(0, colon), colon < 0 ? "" : e.substring(colon + 1));
        }
        return out;
    }
}
