package dev.jcompose.spec.model;

/**
 * One published or exposed port, long syntax; a short-syntax range becomes one record per port.
 *
 * @param hostIp    the host address to bind, or empty for all
 * @param published the host port, or null for an ephemeral one chosen by the engine
 * @param mode      {@code ingress} (default) or {@code host}
 */
public record PortConfig(String hostIp, Integer published, int target, String protocol, String mode) {
    public PortConfig {
        hostIp = hostIp == null ? "" : hostIp;
        protocol = protocol == null || protocol.isEmpty() ? "tcp" : protocol;
        mode = mode == null || mode.isEmpty() ? "ingress" : mode;
        if (target < 1 || target > 65535) throw new IllegalArgumentException("target port out of range: " + target);
    }
}
