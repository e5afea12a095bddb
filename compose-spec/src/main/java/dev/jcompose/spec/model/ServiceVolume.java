package dev.jcompose.spec.model;

/**
 * A mount of a service, long syntax.
 *
 * @param type   {@code volume}, {@code bind} or {@code tmpfs}
 * @param source a project volume's key (type volume), an absolute host path (bind), or null for an anonymous volume
 */
public record ServiceVolume(String type, String source, String target, boolean readOnly) {
    public static final String VOLUME = "volume";
    public static final String BIND = "bind";
    public static final String TMPFS = "tmpfs";
}
