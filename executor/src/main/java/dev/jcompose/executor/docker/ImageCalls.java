package dev.jcompose.executor.docker;

import com.github.dockerjava.api.async.ResultCallback;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.docker.Transport.NotFound;
import dev.jcompose.planner.spec.BuildSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Building, pulling, pushing, saving, loading and removing images, through docker-java's commands and the transport. */
final class ImageCalls {
    /** Asked for docker-java's client at each use, so that only a command that needs one makes it. */
    private final EngineConnection connection;
    private final Transport transport;
    private final EngineJson json = new EngineJson();
    /** How the engine words what a load made: a tagged image, or an untagged one by id. */
    private static final List<String> LOADED = List.of("Loaded image: ", "Loaded image ID: ");

    ImageCalls(EngineConnection connection, Transport transport) {
        this.connection = connection;
        this.transport = transport;
    }

    String build(BuildSpec spec, String dockerfile, InputStream context, Consumer<String> output) {
        BuildOutput result = new BuildOutput(output);
        var cmd = connection.client().buildImageCmd(context)
                .withDockerfilePath(dockerfile)
                .withTags(new LinkedHashSet<>(spec.tags()))
                .withLabels(spec.labels())
                .withNoCache(spec.noCache())
                .withPull(spec.pull())
                .withRemove(true)
                .withForcerm(true); // no intermediate container is left behind by a failed step
        for (Map.Entry<String, String> a : spec.args().entrySet()) cmd.withBuildArg(a.getKey(), a.getValue());
        if (spec.target() != null) cmd.withTarget(spec.target());
        if (!spec.cacheFrom().isEmpty()) cmd.withCacheFrom(new LinkedHashSet<>(spec.cacheFrom()));
        if (spec.network() != null) cmd.withNetworkMode(spec.network());
        if (spec.shmSizeBytes() != null) cmd.withShmsize(spec.shmSizeBytes());
        if (!spec.extraHosts().isEmpty()) cmd.withExtraHosts(new LinkedHashSet<>(spec.extraHosts()));
        transport.stream("build image " + spec.image(), () -> {
            try {
                return cmd.exec(result).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("build of " + spec.image() + " interrupted");
            }
        });
        return result.imageId(spec.image());
    }

    void pull(String reference, String platform) {
        ImageReference ref = ImageReference.parse(reference);
        transfer("pull", reference, () -> {
            var cmd = connection.client().pullImageCmd(ref.repository()).withTag(ref.tag());
            if (platform != null) cmd.withPlatform(platform);
            return cmd.start();
        });
    }

    void push(String reference) {
        ImageReference ref = ImageReference.parse(reference);
        transfer("push", reference, () -> connection.client().pushImageCmd(ref.repository()).withTag(ref.tag()).start());
    }

    /** Starts a pull or a push and waits for it, for half an hour at the most. */
    private void transfer(String verb, String reference, Supplier<ResultCallback.Adapter<?>> start) {
        transport.stream(verb + " image " + reference, () -> {
            try {
                return start.get().awaitCompletion(30, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException(verb + " of " + reference + " interrupted");
            }
        });
    }

    void tag(String image, String repository, String tag) {
        transport.call("tag image " + image + " as " + repository + ":" + tag, () -> {
            connection.client().tagImageCmd(image, repository, tag).withForce(true).exec();
            return null;
        });
    }

    /** {@code GET /images/{name}/get}: the tar goes to {@code out} as it comes. */
    void save(String reference, OutputStream out) {
        transport.stream("save image " + reference, () -> transport.exchangeStreaming("GET",
                "/images/" + Transport.pathSegment(reference) + "/get", null, null, r -> r.getBody().transferTo(out)));
    }

    /**
     * {@code POST /images/load?quiet=1}: the engine answers 200 and then a JSON message per image loaded, or one
     * with {@code error} when the tar is not one it can load.
     */
    List<String> load(InputStream tar) {
        List<String> loaded = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        transport.stream("load image", () -> transport.exchangeStreaming("POST", "/images/load?quiet=1", tar, "application/x-tar", r -> {
            json.readEach(r.getBody(), message -> {
                if (!(message instanceof Map<?, ?> m)) return;
                if (m.get("error") instanceof String e) errors.add(e);
                if (m.get("stream") instanceof String line) {
                    String text = line.strip();
                    for (String prefix : LOADED) {
                        if (text.startsWith(prefix)) loaded.add(text.substring(prefix.length()).strip());
                    }
                }
            });
            return null;
        }));
        if (!errors.isEmpty()) throw new EngineException("load image: " + String.join("; ", errors));
        return List.copyOf(loaded);
    }

    void remove(String reference) {
        try {
            transport.call("remove image " + reference, () -> {
                connection.client().removeImageCmd(reference).withForce(false).exec();
                return null;
            });
        } catch (NotFound e) {
            // already gone: what the removal wanted
        }
    }
}
