package dev.jcompose.spec.model;

import java.util.List;

/** A service's attachment to one project network. */
public record ServiceNetwork(List<String> aliases, String ipv4Address, int priority) {
    public ServiceNetwork {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public static ServiceNetwork plain() {
        return new ServiceNetwork(List.of(), null, 0);
    }
}
