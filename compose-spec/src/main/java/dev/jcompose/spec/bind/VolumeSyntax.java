package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.ServiceVolume;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The short volume syntax: {@code target}, {@code source:target}, {@code source:target:mode}. A source that starts
 * with {@code .}, {@code /} or {@code ~} is a bind mount, resolved against the project directory (or home);
 * otherwise it names a project volume.
 */
public final class VolumeSyntax {
    private static final Set<String> MODES = Set.of("ro", "rw", "z", "Z", "cached", "delegated", "consistent",
            "nocopy", "shared", "slave", "private", "rshared", "rslave", "rprivate");

    private VolumeSyntax() {}

    /** @param unknownMode told of each mode it does not know, which compose ignores */
    static ServiceVolume parse(String spec, Path projectDir, String home, Consumer<String> unknownMode) {
        String[] parts = spec.split(":", -1);
        if (parts.length > 3 || spec.isBlank()) throw new IllegalArgumentException("invalid volume \"" + spec + "\"");
        if (parts.length == 1) return new ServiceVolume(ServiceVolume.VOLUME, null, absoluteTarget(parts[0], spec), false);
        String source = parts[0];
        String target = absoluteTarget(parts[1], spec);
        boolean readOnly = false;
        boolean bind = isPath(source);
        SortedMap<String, Object> options = new TreeMap<>();
        if (parts.length == 3) {
            for (String mode : parts[2].split(",")) {
                if (!MODES.contains(mode)) {
                    unknownMode.accept(mode);
                    continue;
                }
                switch (mode) {
                    case "ro" -> readOnly = true;
                    case "z", "Z" -> options.put("bind", new TreeMap<>(Map.of("selinux", mode)));
                    case "cached", "delegated", "consistent" -> options.put("consistency", mode);
                    case "nocopy" -> options.put("volume", new TreeMap<>(Map.of("nocopy", true)));
                    case "shared", "slave", "private", "rshared", "rslave", "rprivate" ->
                            options.put("bind", new TreeMap<>(Map.of("propagation", mode)));
                    default -> { }
                }
            }
        }
        if (bind) return new ServiceVolume(ServiceVolume.BIND, resolve(source, projectDir, home), target, readOnly, options);
        return new ServiceVolume(ServiceVolume.VOLUME, source, target, readOnly, options);
    }

    static boolean isPath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
    }

    /** {@code projectDir} null leaves relative paths as written ({@code --no-path-resolution}). */
    public static String resolve(String source, Path projectDir, String home) {
        if (projectDir == null) return source;
        if (source.equals("~") || source.startsWith("~/")) {
            return Path.of(home == null ? "/" : home).resolve(source.substring(Math.min(2, source.length()))).normalize().toString();
        }
        return projectDir.resolve(source).normalize().toString();
    }

    private static String absoluteTarget(String target, String spec) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("invalid volume \"" + spec + "\": the container path \"" + target + "\" must be absolute");
        }
        return target;
    }
}
