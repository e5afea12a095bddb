package dev.jcompose.spec.bind;

import dev.jcompose.spec.bind.ServiceKeys.Handling;
import java.util.Map;

/**
 * The registry of the keys inside a service's and the project's objects, with what jcompose does with each, after
 * the Compose JSON schema's objects of the same names. A test walks the schema and fails on a key missing here.
 */
public final class NestedKeys {
    private NestedKeys() {}

    private static final Handling C = Handling.CONTAINER;
    private static final Handling P = Handling.PROJECT;
    private static final Handling W = Handling.WARNED;

    /** Top-level {@code networks.*}: made by the planner (enable_ipv4: false is warned, IPv6-only is not implemented). */
    public static final Map<String, Handling> NETWORK = Map.of("name", P, "driver", P, "driver_opts", P, "labels", P,
            "external", P, "internal", P, "attachable", P, "enable_ipv6", P, "enable_ipv4", W, "ipam", P);

    public static final Map<String, Handling> VOLUME = Map.of("name", P, "driver", P, "driver_opts", P, "labels", P,
            "external", P);

    /** Top-level {@code configs.*}: labels and template_driver make sense on a swarm only. */
    public static final Map<String, Handling> CONFIG = Map.of("name", P, "file", C, "content", C, "environment", C,
            "external", P, "labels", W, "template_driver", W);

    public static final Map<String, Handling> SECRET = Map.of("name", P, "file", C, "environment", C, "external", P,
            "labels", W, "driver", W, "driver_opts", W, "template_driver", W);

    /** {@code services.*.deploy}: what a single engine applies; the rest is warned as swarm-only. */
    public static final Map<String, Handling> DEPLOY = Map.of("replicas", P, "resources", C, "restart_policy", C,
            "mode", P, "endpoint_mode", W, "labels", W, "placement", W, "rollback_config", W, "update_config", W);

    /** The long volume syntax ({@code services.*.volumes[]}): {@code image} mounts need Engine API 1.48, an error here. */
    public static final Map<String, Handling> SERVICE_VOLUME = Map.of("type", C, "source", C, "target", C,
            "read_only", C, "consistency", C, "bind", C, "volume", C, "tmpfs", C, "image", W);

    public static final Map<String, Handling> SERVICE_VOLUME_BIND = Map.of("propagation", C, "create_host_path", C,
            "selinux", C, "recursive", C);

    public static final Map<String, Handling> SERVICE_VOLUME_VOLUME = Map.of("nocopy", C, "subpath", C, "labels", C);

    public static final Map<String, Handling> SERVICE_VOLUME_TMPFS = Map.of("size", C, "mode", C);

    /** A service's attachment to a network ({@code services.*.networks.*}). */
    public static final Map<String, Handling> SERVICE_NETWORK = Map.ofEntries(Map.entry("aliases", C),
            Map.entry("ipv4_address", C), Map.entry("ipv6_address", C), Map.entry("link_local_ips", C),
            Map.entry("mac_address", C), Map.entry("driver_opts", C), Map.entry("priority", C), Map.entry("gw_priority", C),
            Map.entry("interface_name", W));
}
