package dev.jcompose.spec.model;

/**
 * Where the container lives: the namespaces it shares or makes, its cgroup, its runtime and platform.
 *
 * @param network {@code network_mode}, or null for the service's networks
 * @param uts     {@code uts} ({@code host}), or null
 * @param cgroup  {@code cgroup} ({@code host} or {@code private}), or null
 */
public record Isolation(Namespace network, Namespace ipc, Namespace pid, String uts, String cgroup, String cgroupParent,
                        String usernsMode, String isolation, String runtime, String platform) {
    public static final Isolation NONE = new Isolation(null, null, null, null, null, null, null, null, null, null);
}
