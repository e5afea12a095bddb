package dev.jcompose.service.swarm;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.service.Outcome;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.VolumeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The named volumes a stack's tasks made on this engine: the engine makes them as a task mounts them, labelled as
 * the service's mount says ({@code com.docker.stack.namespace}). Only {@code down -v} removes them; never one
 * without the stack's (or the compose project's) label, so a volume another project made stays.
 */
final class StackVolumes {
    private StackVolumes() {}

    /** The volumes of the namespace on {@code engine}: those the project declares (by name) and those compose labels as its. */
    static List<ObservedVolume> of(Engine engine, String namespace, Project project) {
        TreeSet<String> names = new TreeSet<>();
        for (ObservedVolume v : engine.volumes(namespace)) names.add(v.name());
        if (project != null) {
            for (Map.Entry<String, VolumeConfig> v : project.volumes().entrySet()) {
                if (v.getValue().external()) continue;
                names.add(v.getValue().name() != null ? v.getValue().name() : namespace + "_" + v.getKey());
            }
        }
        List<ObservedVolume> out = new ArrayList<>();
        for (String name : names) {
            Optional<ObservedVolume> v = engine.volume(name);
            if (v.isEmpty()) continue;
            boolean ours = namespace.equals(v.get().labels().get(StackLabels.NAMESPACE)) || namespace.equals(v.get().project());
            if (ours) out.add(v.get());
        }
        return out;
    }

    /** Removes them; one still in use (a task container of another node's is not waited for) fails with the engine's reason. */
    static Outcome remove(Engine engine, List<ObservedVolume> volumes) {
        List<String> errors = new ArrayList<>();
        int done = 0;
        for (ObservedVolume v : volumes) {
            try {
                engine.removeVolume(v.name());
                done++;
            } catch (RuntimeException e) {
                errors.add("remove volume " + v.name() + ": " + e.getMessage());
            }
        }
        return errors.isEmpty() ? new Outcome(Outcome.Status.OK, List.of(), List.of(), done) : new Outcome(Outcome.Status.FAILED, errors, List.of(), done);
    }
}
