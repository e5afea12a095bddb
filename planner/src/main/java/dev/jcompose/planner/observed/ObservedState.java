package dev.jcompose.planner.observed;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A snapshot of what the engine holds for one project, read once before planning: the project's containers (by
 * label), the networks and volumes that are the project's or that it names, and which of its images exist (reference to image id).
 */
public record ObservedState(
        List<ObservedContainer> containers,
        List<ObservedNetwork> networks,
        List<ObservedVolume> volumes,
        SortedMap<String, String> images) {

    public ObservedState {
        containers = containers.stream().sorted(Comparator.comparing(ObservedContainer::name)).toList();
        networks = networks.stream().sorted(Comparator.comparing(ObservedNetwork::name)).toList();
        volumes = volumes.stream().sorted(Comparator.comparing(ObservedVolume::name)).toList();
        images = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(images));
    }

    public static ObservedState empty() {
        return new ObservedState(List.of(), List.of(), List.of(), new TreeMap<>());
    }

    /** The service's own containers (not one-off runs), by container number. */
    public List<ObservedContainer> containersOf(String service) {
        return containers.stream().filter(c -> c.service().equals(service) && !c.oneoff())
                .sorted(Comparator.comparingInt(ObservedContainer::number).thenComparing(ObservedContainer::name)).toList();
    }

    public Optional<ObservedNetwork> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<ObservedVolume> volume(String name) {
        return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public boolean hasImage(String ref) {
        return images.containsKey(ref);
    }

    /** The id of the image the reference names now, or null when it is not on the engine. */
    public String imageId(String ref) {
        return images.get(ref);
    }

    /** The same state without the named containers. */
    public ObservedState without(java.util.Collection<String> containerNames) {
        return new ObservedState(containers.stream().filter(c -> !containerNames.contains(c.name())).toList(), networks, volumes, images);
    }

    /** The same state without containers: what {@code down} leaves. */
    public ObservedState withoutContainers() {
        return new ObservedState(List.of(), networks, volumes, images);
    }

    /** The same state, as it will be once the given images are (re)built: ids that match no container yet. */
    public ObservedState withImagesRebuilt(java.util.Collection<String> refs) {
        SortedMap<String, String> next = new TreeMap<>(images);
        for (String ref : refs) next.put(ref, "<to be built: " + ref + ">");
        return new ObservedState(containers, networks, volumes, next);
    }

    public Set<String> serviceNames() {
        SortedSet<String> out = new TreeSet<>();
        for (ObservedContainer c : containers) if (!c.oneoff()) out.add(c.service());
        return out;
    }
}
