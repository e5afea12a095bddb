package dev.jcompose.planner.swarm.spec;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One compose service of a stack: its swarm spec and what the planner orders and gates by.
 *
 * @param composeName the key under {@code services:}
 * @param spec        the service spec, its labels carrying the spec hash
 * @param specHash    the hash of the canonical form of {@link #spec} (without the hash label itself)
 * @param dependsOn   {@code depends_on}: the gate each dependency must pass before this service is created
 * @param healthcheck whether the tasks have a healthcheck (a {@code service_healthy} gate needs one)
 */
public record StackService(String composeName, ServiceSpec spec, String specHash, SortedMap<String, Gate> dependsOn,
                           boolean healthcheck) {
    public StackService {
        dependsOn = Collections.unmodifiableSortedMap(new TreeMap<>(dependsOn));
    }

    /** The swarm service name, {@code <project>_<service>}. */
    public String name() {
        return spec.name();
    }
}
