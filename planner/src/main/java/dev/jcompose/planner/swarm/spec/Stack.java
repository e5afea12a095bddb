package dev.jcompose.planner.swarm.spec;

import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.spec.Diagnostic;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The desired state of a project on a swarm: what the converter makes of a {@code Project}.
 *
 * @param namespace        the project name: the {@code com.docker.stack.namespace} label's value
 * @param services         by compose service name
 * @param networks         the overlay networks the stack creates, by swarm name ({@code <project>_<net>})
 * @param configs          the config objects, by swarm name (hash suffixed)
 * @param secrets          the secret objects, by swarm name (hash suffixed)
 * @param externalNetworks networks that must exist already, by their own name
 * @param externalConfigs  configs that must exist already
 * @param externalSecrets  secrets that must exist already
 * @param diagnostics      the warnings the conversion gave (attributes a swarm cannot honour), each at its line
 */
public record Stack(String namespace, SortedMap<String, StackService> services, SortedMap<String, NetworkSpec> networks,
                    SortedMap<String, ObjectSpec> configs, SortedMap<String, ObjectSpec> secrets,
                    SortedSet<String> externalNetworks, SortedSet<String> externalConfigs,
                    SortedSet<String> externalSecrets, List<Diagnostic> diagnostics) {
    public Stack {
        services = Collections.unmodifiableSortedMap(new TreeMap<>(services));
        networks = Collections.unmodifiableSortedMap(new TreeMap<>(networks));
        configs = Collections.unmodifiableSortedMap(new TreeMap<>(configs));
        secrets = Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
        externalNetworks = Collections.unmodifiableSortedSet(new TreeSet<>(externalNetworks));
        externalConfigs = Collections.unmodifiableSortedSet(new TreeSet<>(externalConfigs));
        externalSecrets = Collections.unmodifiableSortedSet(new TreeSet<>(externalSecrets));
        diagnostics = List.copyOf(diagnostics);
    }
}
