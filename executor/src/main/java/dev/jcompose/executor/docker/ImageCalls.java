package dev.jcompose.executor.docker;

import com.github.dockerjava.api.DockerClient;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.docker.Transport.NotFound;
import dev.jcompose.planner.spec.BuildSpec;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Building, pulling, pushing and removing images, through docker-java's commands. */
final class ImageCalls {
    private final EngineConnection connection;
    private final Transport transport;

    ImageCalls(EngineConnection connection, Transport transport) {
        this.connection = connection;
        this.transport = transport;
    }

    /** docker-java's client, asked for at each use so that it is made only by a command that needs images. */
    private DockerClient client() {
        return connection.client();
    }

    String build(BuildSpec spec, String dockerfile, InputStream context, Consumer<String> output) {
        BuildOutput result = new BuildOutput(output);
        var cmd = client().buildImageCmd(context)
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
        transport.call("build image " + spec.image(), () -> {
            try {
                return cmd.exec(result).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("build of " + spec.image() + " interrupted");
            }
        });
        return result.imageId(spec.image());
    }

    void pull(String reference) {
        ImageReference ref = ImageReference.parse(reference);
        transport.call("pull image " + reference, () -> {
            try {
                return client().pullImageCmd(ref.repository()).withTag(ref.tag()).start().awaitCompletion(30, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("pull of " + reference + " interrupted");
            }
        });
    }

    void push(String reference) {
        ImageReference ref = ImageReference.parse(reference);
        transport.call("push image " + reference, () -> {
            try {
                return client().pushImageCmd(ref.repository()).withTag(ref.tag()).start().awaitCompletion(30, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("push of " + reference + " interrupted");
            }
        });
    }

    void remove(String reference) {
        try {
            transport.call("remove image " + reference, () -> {
                client().removeImageCmd(reference).withForce(false).exec();
                return null;
            });
        } catch (NotFound e) {
            // already gone: what the removal wanted
        }
    }
}
