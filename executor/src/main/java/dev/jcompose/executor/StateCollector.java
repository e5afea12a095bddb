package dev.jcompose.executor;

import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.spec.model.NetworkConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.VolumeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the engine once into an {@link ObservedState} for the planner. */
public final class StateCollector {
    private StateCollector() {}

    /** The project's containers, networks and volumes, the ones it names, and which of its images exist. */
    public static ObservedState collect(Engine engine, Project project) {
        Set<String> networkNames = new TreeSet<>();
        for (NetworkConfig n : project.networks().values()) networkNames.add(n.name());
        List<ObservedNetwork> networks = new ArrayList<>();
        for (ObservedNetwork n : engine.networks()) {
            if (project.name().equals(n.project()) || networkNames.contains(n.name())) networks.add(n);
        }
        List<ObservedVolume> volumes = new ArrayList<>(engine.volumes(project.name()));
        for (VolumeConfig v : project.volumes().values()) {
            if (volumes.stream().noneMatch(o -> o.name().equals(v.name()))) engine.volume(v.name()).ifPresent(volumes::add);
        }
        TreeMap<String, String> images = new TreeMap<>();
        Set<String> asked = new TreeSet<>();
        for (Service s : project.services().values()) {
            String image = dev.jcompose.planner.ImagePlanner.imageName(project, s);
            if (asked.add(image)) engine.imageId(image).ifPresent(id -> images.put(image, id));
        }
        return new ObservedState(engine.containers(project.name()), networks, volumes, images);
    }

    /** What {@code down -p NAME} needs when there is no Compose file: everything labelled as the project's. */
    public static ObservedState collect(Engine engine, String projectName) {
        List<ObservedNetwork> networks = engine.networks().stream().filter(n -> projectName.equals(n.project())).toList();
        return new ObservedState(engine.containers(projectName), networks, engine.volumes(projectName), new TreeMap<>());
    }
}
