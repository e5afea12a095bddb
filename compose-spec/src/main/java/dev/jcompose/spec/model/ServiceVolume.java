package dev.jcompose.spec.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A mount of a service, long syntax.
 *
 * @param type    {@code volume}, {@code bind} or {@code tmpfs}
 * @param source  a project volume's key (type volume), a host path (bind), or null for an anonymous volume
 * @param options the long syntax's other attributes ({@code bind}, {@code volume}, {@code tmpfs},
 *                {@code consistency}), as written (plain values) and printed; read through the typed accessors
 * @param createHostPath a bind whose missing source the engine creates as a directory: the short syntax's,
 *                       or {@code bind.create_host_path: true}; a long-syntax bind otherwise refuses a missing source
 */
public record ServiceVolume(String type, String source, String target, boolean readOnly, SortedMap<String, Object> options,
                            boolean createHostPath) {
    public static final String VOLUME = "volume";
    public static final String BIND = "bind";
    public static final String TMPFS = "tmpfs";

    public ServiceVolume {
        options = Collections2.sortedCopy(options);
    }

    public ServiceVolume(String type, String source, String target, boolean readOnly) {
        this(type, source, target, readOnly, null, BIND.equals(type));
    }

    public ServiceVolume(String type, String source, String target, boolean readOnly, SortedMap<String, Object> options) {
        this(type, source, target, readOnly, options, BIND.equals(type));
    }

    /** {@code bind.propagation} ({@code rprivate}, {@code shared}...), or null. */
    public String propagation() {
        return text(option("bind", "propagation"));
    }

    /** {@code bind.selinux}: {@code z} (shared) or {@code Z} (private), or null. */
    public String selinux() {
        return text(option("bind", "selinux"));
    }

    /** {@code volume.nocopy}: the volume is not filled from the image's content. */
    public boolean noCopy() {
        // the binder checked it is a boolean; YAML 1.1's words for true are booleans here too
        String value = text(option("volume", "nocopy"));
        return value != null && switch (value.toLowerCase()) {
            case "true", "yes", "y", "on" -> true;
            default -> false;
        };
    }

    /** {@code bind.recursive}: {@code enabled}, {@code disabled}, {@code writable} or {@code readonly}; or null. */
    public String recursive() {
        return text(option("bind", "recursive"));
    }

    /** {@code volume.labels}, set on an anonymous volume this mount makes. */
    public SortedMap<String, String> volumeLabels() {
        SortedMap<String, String> out = new TreeMap<>();
        Object labels = option("volume", "labels");
        if (labels instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        if (labels instanceof List<?> l) {
            for (Object o : l) {
                String kv = String.valueOf(o);
                int eq = kv.indexOf('=');
                out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        return out;
    }

    /** {@code volume.subpath}: the folder of the volume to mount, or null. */
    public String subpath() {
        return text(option("volume", "subpath"));
    }

    /** {@code tmpfs.size} in bytes (the binder made it a number), or null. */
    public Long tmpfsSize() {
        String size = text(option("tmpfs", "size"));
        return size == null ? null : Long.valueOf(size);
    }

    /**
     * {@code tmpfs.mode}: the specification's "Unix permission bits as an octal number", so {@code 1777} and
     * {@code 0o1777} are both read as octal (compose-go reads a bare number as decimal, which makes 1777 mean
     * nothing a person intends).
     */
    public Integer tmpfsMode() {
        String mode = text(option("tmpfs", "mode"));
        return mode == null ? null : Integer.parseInt(mode.startsWith("0o") ? mode.substring(2) : mode, 8);
    }

    private Object option(String section, String key) {
        return options.get(section) instanceof Map<?, ?> m ? m.get(key) : null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
