package dev.jcompose.planner;

import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.model.FileReference;
import dev.jcompose.spec.model.FileSource;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's configs and secrets as docker compose provides them outside a swarm: one from a file is that file,
 * bound read-only at its target (a missing file is refused); one from a content or an environment variable is
 * written into the container after it is made, with its mode (0444 by default), uid and gid. An external one exists
 * only on a swarm: an error.
 */
record FileReferences(List<ContainerSpec.MountSpec> mounts, List<ContainerSpec.FileCopy> copies) {
    private static final int DEFAULT_MODE = 0444;

    static FileReferences of(Project project, Service service) {
        List<ContainerSpec.MountSpec> mounts = new ArrayList<>();
        List<ContainerSpec.FileCopy> copies = new ArrayList<>();
        add(service, "secret", service.options().secrets(), project.secrets(), mounts, copies);
        add(service, "config", service.options().configs(), project.configs(), mounts, copies);
        if (!copies.isEmpty() && service.options().security().readOnly()) {
            // the engine cannot write into a read-only root; docker compose refuses this too, before any change
            throw new PlanException("service \"" + service.name() + "\" is read_only: its configs and secrets given by content or"
                    + " environment (" + String.join(", ", copies.stream().map(ContainerSpec.FileCopy::path).toList())
                    + ") cannot be written into it (give them as files, which are bound, or drop read_only)");
        }
        return new FileReferences(List.copyOf(mounts), List.copyOf(copies));
    }

    private static void add(Service service, String kind, List<FileReference> refs, Map<String, FileSource> defined,
                            List<ContainerSpec.MountSpec> mounts, List<ContainerSpec.FileCopy> copies) {
        for (FileReference ref : refs) {
            FileSource source = defined.get(ref.source());
            int mode = ref.mode() == null ? DEFAULT_MODE : ref.mode();
            if (source instanceof FileSource.File f) {
                mounts.add(new ContainerSpec.MountSpec("bind", f.path(), ref.target(), true, false, null, null, false, null, null, null, null, null));
            } else if (source instanceof FileSource.Content c) {
                copies.add(new ContainerSpec.FileCopy(ref.target(), c.text().getBytes(StandardCharsets.UTF_8), mode, ref.uid(), ref.gid()));
            } else if (source instanceof FileSource.Environment e) {
                if (e.value() == null) {
                    throw new PlanException("service \"" + service.name() + "\" uses " + kind + " \"" + ref.source()
                            + "\" from the environment variable " + e.variable() + ", which is not set");
                }
                copies.add(new ContainerSpec.FileCopy(ref.target(), e.value().getBytes(StandardCharsets.UTF_8), mode, ref.uid(), ref.gid()));
            } else if (source instanceof FileSource.External) {
                throw new PlanException("service \"" + service.name() + "\" uses external " + kind + " \"" + ref.source()
                        + "\": external " + kind + "s exist on a swarm only (outside one, give it a file)");
            } else {
                throw new PlanException("service \"" + service.name() + "\" uses undefined " + kind + " \"" + ref.source() + "\"");
            }
        }
    }
}
