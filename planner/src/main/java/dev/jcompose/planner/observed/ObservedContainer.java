package dev.jcompose.planner.observed;

import dev.jcompose.planner.Labels;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A container as the engine reported it when the state was read.
 *
 * @param imageId the id of the image the container was made from (null when not known)
 * @param state   the engine's state word: created, running, paused, restarting, exited, dead
 * @param status  the engine's human status ("Up 3 seconds", "Exited (0) 2 minutes ago")
 * @param created      seconds since the epoch
 * @param volumeMounts the container's volume mounts, target path to engine volume name (anonymous ones included)
 * @param networks     the names of the networks it is connected to, sorted
 * @param mounts       what it mounts, as docker compose's ps names them: a volume's name, a bind's source path
 */
public record ObservedContainer(
        String id,
        String name,
        String image,
        String imageId,
        String command,
        long created,
        String state,
        String status,
        SortedMap<String, String> labels,
        List<PublishedPort> ports,
        SortedMap<String, String> volumeMounts,
        List<String> networks,
        List<String> mounts) {

    public ObservedContainer {
        networks = networks == null ? List.of() : networks.stream().sorted().toList();
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        ports = List.copyOf(ports);
        volumeMounts = java.util.Collections.unmodifiableSortedMap(volumeMounts == null ? new TreeMap<>() : new TreeMap<>(volumeMounts));
    }

    /** A container as the planner needs it: without the networks and mounts only listings show. */
    public ObservedContainer(String id, String name, String image, String imageId, String command, long created, String state,
                             String status, SortedMap<String, String> labels, List<PublishedPort> ports,
                             SortedMap<String, String> volumeMounts) {
        this(id, name, image, imageId, command, created, state, status, labels, ports, volumeMounts, List.of(), List.of());
    }

    public ObservedContainer withName(String newName) {
        return new ObservedContainer(id, newName, image, imageId, command, created, state, status, labels, ports, volumeMounts,
                networks, mounts);
    }

    public String project() {
        return labels.get(Labels.PROJECT);
    }

    public String service() {
        return labels.getOrDefault(Labels.SERVICE, "");
    }

    /** The container number label, or 0 when missing or not a number. */
    public int number() {
        try {
            return Integer.parseInt(labels.getOrDefault(Labels.CONTAINER_NUMBER, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String configHash() {
        return labels.getOrDefault(Labels.CONFIG_HASH, "");
    }

    public boolean oneoff() {
        return "true".equalsIgnoreCase(labels.getOrDefault(Labels.ONEOFF, "False"));
    }

    /**
     * Whether the engine's listing already shows the container ready as {@code up --wait} means it: running and, if it
     * has a healthcheck, healthy ({@code "Up 3 minutes (healthy)"}; none while {@code "(health: starting)"} or
     * {@code "(unhealthy)"}), or exited with code 0 ({@code "Exited (0) 2 minutes ago"}).
     */
    public boolean readyNow() {
        if (state.equals("running")) return !status.contains("(health: starting)") && !status.contains("(unhealthy)");
        return state.equals("exited") && status.startsWith("Exited (0)");
    }

    public boolean running() {
        return state.equals("running") || state.equals("restarting") || state.equals("paused");
    }
}
