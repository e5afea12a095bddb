package dev.jcompose.planner.swarm;

import dev.jcompose.planner.swarm.spec.Mount;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceVolume;
import dev.jcompose.spec.model.VolumeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A service's {@code volumes} and {@code tmpfs} as task mounts: docker cli's {@code convert/volume.go}, in file order. */
final class TaskMounts {
    private TaskMounts() {
    }

    static List<Mount> of(Conversion c, Service s) {
        List<Mount> out = new ArrayList<>();
        for (int i = 0; i < s.volumes().size(); i++) {
            Mount m = mount(c, s, s.volumes().get(i), "volumes[" + i + "]");
            if (m != null) out.add(m);
        }
        for (int i = 0; i < s.options().tmpfs().size(); i++) {
            String entry = s.options().tmpfs().get(i);
            int colon = entry.indexOf(':');
            if (colon >= 0) {
                c.warn(s, "tmpfs", "the options of " + entry + " are not mapped to a swarm tmpfs: use the long volume syntax "
                        + "(type: tmpfs, tmpfs: {size: ...}); mounted without them");
            }
            out.add(new Mount(Mount.Type.TMPFS, null, colon < 0 ? entry : entry.substring(0, colon), false, null, null, null,
                    new Mount.TmpfsOptions(null, null)));
        }
        return out;
    }

    private static Mount mount(Conversion c, Service s, ServiceVolume v, String path) {
        String consistency = v.options().get("consistency") instanceof String cs ? cs : null;
        switch (v.type()) {
            case ServiceVolume.BIND -> {
                c.warn(s, path, "a bind mount of " + v.source() + " from the client's file system: the path must exist on "
                        + "every node that runs the task (a swarm creates no missing path)");
                if (v.selinux() != null) c.warn(s, path, "bind.selinux is not supported by swarm mounts: ignored");
                if (v.recursive() != null) c.warn(s, path, "bind.recursive needs Engine API 1.44; jcompose speaks 1.41: ignored");
                Mount.BindOptions bind = v.propagation() == null ? null : new Mount.BindOptions(v.propagation(), false);
                return new Mount(Mount.Type.BIND, v.source(), v.target(), v.readOnly(), consistency, bind, null, null);
            }
            case ServiceVolume.TMPFS -> {
                Mount.TmpfsOptions tmpfs = v.tmpfsSize() == null && v.tmpfsMode() == null ? null
                        : new Mount.TmpfsOptions(v.tmpfsSize(), v.tmpfsMode());
                return new Mount(Mount.Type.TMPFS, null, v.target(), v.readOnly(), consistency, null, null, tmpfs);
            }
            case ServiceVolume.VOLUME -> {
                if (v.source() == null || v.source().isEmpty()) {
                    // an anonymous volume: docker cli sends no volume options for it
                    return new Mount(Mount.Type.VOLUME, null, v.target(), v.readOnly(), consistency, null, null, null);
                }
                VolumeConfig vc = c.project().volumes().get(v.source());
                if (vc == null) {
                    c.error(s, path, "undefined volume \"" + v.source() + "\"");
                    return null;
                }
                String source = vc.name() != null ? vc.name() : c.scope(v.source());
                if (v.subpath() != null) {
                    c.warn(s, path, "volume.subpath needs Engine API 1.45 and jcompose speaks 1.41: an older engine mounts the "
                            + "whole volume");
                }
                if (vc.external()) {
                    return new Mount(Mount.Type.VOLUME, source, v.target(), v.readOnly(), consistency, null,
                            options(v, new TreeMap<>(), null, new TreeMap<>()), null);
                }
                SortedMap<String, String> labels = new TreeMap<>(vc.labels());
                labels.put(StackLabels.NAMESPACE, c.namespace());
                return new Mount(Mount.Type.VOLUME, source, v.target(), v.readOnly(), consistency, null,
                        options(v, labels, vc.driver(), vc.driverOpts()), null);
            }
            default -> {
                c.error(s, path, "volume type " + v.type() + " cannot be mounted by a swarm service (use volume, bind or tmpfs)");
                return null;
            }
        }
    }

    private static Mount.VolumeOptions options(ServiceVolume v, SortedMap<String, String> labels, String driver,
                                               SortedMap<String, String> driverOptions) {
        SortedMap<String, String> all = new TreeMap<>(v.volumeLabels());
        all.putAll(labels);
        return new Mount.VolumeOptions(v.noCopy(), v.subpath(), all, driver, driverOptions);
    }
}
