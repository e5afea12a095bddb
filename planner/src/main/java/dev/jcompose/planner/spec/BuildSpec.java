package dev.jcompose.planner.spec;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one build call sends, besides the context itself.
 *
 * @param tags             the image name first, then the build section's extra tags: the engine tags them all
 *                         at the end of a successful build, and none of them when it fails
 * @param contextDir       the context folder on this machine
 * @param dockerfile       the Dockerfile's path inside the context
 * @param dockerfileInline the Dockerfile's text when the file gives it inline (sent inside the context), or null
 * @param extraHosts       {@code host:ip}, as the engine takes them
 */
public record BuildSpec(
        List<String> tags,
        String contextDir,
        String dockerfile,
        String dockerfileInline,
        SortedMap<String, String> args,
        String target,
        SortedMap<String, String> labels,
        List<String> cacheFrom,
        String network,
        Long shmSizeBytes,
        List<String> extraHosts,
        boolean noCache,
        boolean pull) {

    public BuildSpec {
        tags = List.copyOf(tags);
        args = Collections.unmodifiableSortedMap(new TreeMap<>(args));
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        cacheFrom = List.copyOf(cacheFrom);
        extraHosts = List.copyOf(extraHosts);
    }

    /** The same build, without labels (they were put in the Dockerfile instead). */
    public BuildSpec withoutLabels() {
        return new BuildSpec(tags, contextDir, dockerfile, dockerfileInline, args, target, new TreeMap<>(), cacheFrom, network,
                shmSizeBytes, extraHosts, noCache, pull);
    }

    /** The name the service's containers run. */
    public String image() {
        return tags.get(0);
    }
}
