package dev.jcompose.planner.swarm.observed;

import dev.jcompose.planner.swarm.spec.ServiceMode;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service as the engine reports it ({@code GET /services}).
 *
 * @param versionIndex {@code Version.Index}: an update must carry it (the engine refuses a stale one)
 * @param labels       the spec's labels: the namespace and the spec-hash label among them
 * @param image        the spec's image as the engine holds it (a digest may have been added)
 * @param updateStatus null when the service was never updated
 * @param forceUpdate  {@code TaskTemplate.ForceUpdate}: the counter {@code docker service update --force} raises; an
 *                     update must carry it, as docker stack's does, or the change of it alone restarts every task
 */
public record SwarmService(String id, String name, long versionIndex, SortedMap<String, String> labels, String image,
                           ServiceMode mode, UpdateStatus updateStatus, long forceUpdate) {
    public SwarmService {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** A service never force-updated. */
    public SwarmService(String id, String name, long versionIndex, SortedMap<String, String> labels, String image,
                        ServiceMode mode, UpdateStatus updateStatus) {
        this(id, name, versionIndex, labels, image, mode, updateStatus, 0);
    }

    /**
     * {@code UpdateStatus}.
     *
     * @param state {@code updating}, {@code paused}, {@code completed}, {@code rollback_started},
     *              {@code rollback_paused}, {@code rollback_completed}
     */
    public record UpdateStatus(String state, String message) {}
}
