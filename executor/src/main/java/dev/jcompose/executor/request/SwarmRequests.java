package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Engine API's swarm request bodies for the swarm spec records, made without an engine (sorted maps: the
 * docker package serialises them as they are).
 */
public final class SwarmRequests {
    private SwarmRequests() {
    }

    /**
     * The body of {@code POST /services/create} and {@code POST /services/{id}/update} (the version is a query
     * parameter).
     *
     * @param ids the ids of the configs and secrets the spec names (the Engine API wants both name and id)
     */
    public static SortedMap<String, Object> service(ServiceSpec spec, ObjectIds ids) {
        throw new UnsupportedOperationException("swarm contract: not implemented yet");
    }

    /** The body of {@code POST /configs/create} or {@code POST /secrets/create} (by the spec's kind); Data in base64. */
    public static SortedMap<String, Object> object(ObjectSpec spec) {
        throw new UnsupportedOperationException("swarm contract: not implemented yet");
    }

    /** The body of {@code POST /networks/create} for an overlay network. */
    public static SortedMap<String, Object> network(NetworkSpec spec) {
        throw new UnsupportedOperationException("swarm contract: not implemented yet");
    }

    /**
     * The ids of swarm configs and secrets by name, as known when a service request is made (observed, or just
     * created).
     */
    public record ObjectIds(SortedMap<String, String> configs, SortedMap<String, String> secrets) {
        public ObjectIds {
            configs = Collections.unmodifiableSortedMap(new TreeMap<>(configs));
            secrets = Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
        }
    }
}
