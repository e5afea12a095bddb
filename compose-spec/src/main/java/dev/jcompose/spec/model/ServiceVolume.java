package dev.jcompose.spec.model;

import java.util.SortedMap;

/**
 * A mount of a service, long syntax.
 *
 * @param type    {@code volume}, {@code bind} or {@code tmpfs}
 * @param source  a project volume's key (type volume), a host path (bind), or null for an anonymous volume
 * @param options the long syntax's other attributes ({@code bind}, {@code volume}, {@code tmpfs},
 *                {@code consistency}), kept and printed
 */
public record ServiceVolume(String type, String source, String target, boolean readOnly, SortedMap<String, Object> options) {
    public static final String VOLUME = "volume";
    public static final String BIND = "bind";
    public static final String TMPFS = "tmpfs";

    public ServiceVolume {
        options = Collections2.sortedCopy(options);
    }

    public ServiceVolume(String type, String source, String target, boolean readOnly) {
        this(type, source, target, readOnly, null);
    }
}
