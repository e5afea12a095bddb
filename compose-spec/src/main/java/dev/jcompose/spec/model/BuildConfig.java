package dev.jcompose.spec.model;

import dev.jcompose.spec.bind.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service's {@code build} section in the form a build call takes.
 *
 * @param context          the context folder (absolute once paths are resolved), or a URL the engine fetches
 * @param dockerfile       the Dockerfile's path inside the context ({@code Dockerfile} by default)
 * @param dockerfileInline the Dockerfile's text, when given in the Compose file instead of a file; null otherwise
 * @param args             build arguments; a null value is an argument the loader found no value for (left out)
 * @param shmSizeBytes     null for the engine's default
 * @param extraHosts       {@code host=ip} entries, as the loader canonicalises them
 */
public record BuildConfig(
        String context,
        String dockerfile,
        String dockerfileInline,
        SortedMap<String, String> args,
        String target,
        SortedMap<String, String> labels,
        List<String> tags,
        List<String> cacheFrom,
        String network,
        Long shmSizeBytes,
        List<String> extraHosts,
        boolean noCache,
        boolean pull) {

    public BuildConfig {
        args = Collections2.sortedCopy(args);
        labels = Collections2.sortedCopy(labels);
        tags = List.copyOf(tags);
        cacheFrom = List.copyOf(cacheFrom);
        extraHosts = List.copyOf(extraHosts);
    }

    /** From the canonical {@code build} attribute (a mapping with {@code context}); null when absent. */
    public static BuildConfig from(Object plain) {
        if (plain instanceof String s) return new BuildConfig(s, "Dockerfile", null, new TreeMap<>(), null, new TreeMap<>(),
                List.of(), List.of(), null, null, List.of(), false, false);
        if (!(plain instanceof Map<?, ?> m)) return null;
        Object shm = m.get("shm_size");
        return new BuildConfig(
                string(m.get("context"), "."),
                string(m.get("dockerfile"), "Dockerfile"),
                string(m.get("dockerfile_inline"), null),
                map(m.get("args")),
                string(m.get("target"), null),
                map(m.get("labels")),
                list(m.get("tags")),
                list(m.get("cache_from")),
                string(m.get("network"), null),
                shm == null ? null : Units.bytes(String.valueOf(shm)),
                list(m.get("extra_hosts")),
                truth(m.get("no_cache")),
                truth(m.get("pull")));
    }

    private static String string(Object o, String fallback) {
        return o == null ? fallback : String.valueOf(o);
    }

    private static boolean truth(Object o) {
        return o != null && Boolean.parseBoolean(String.valueOf(o));
    }

    private static SortedMap<String, String> map(Object o) {
        SortedMap<String, String> out = new TreeMap<>();
        if (o instanceof Map<?, ?> m) for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), e.getValue() == null ? null : String.valueOf(e.getValue()));
        return out;
    }

    private static List<String> list(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) for (Object x : l) out.add(String.valueOf(x));
        return out;
    }
}
