package dev.jcompose.executor.build;

import dev.jcompose.executor.BuildFailedException;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineException;
import dev.jcompose.planner.spec.BuildSpec;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One build: the context is written as a tar on a thread of its own into a pipe the engine call reads, so the
 * context streams through a fixed buffer whatever its size.
 */
public final class ImageBuilder {
    private static final int PIPE_BYTES = 1 << 16;

    private ImageBuilder() {}

    /** The failure as a person reads it: the service, the step, the error, then what the step printed before it. */
    private static BuildFailedException withOutput(String service, BuildFailedException e) {
        StringBuilder message = new StringBuilder("service \"" + service + "\": " + e.getMessage());
        List<String> tail = e.outputTail();
        int from = e.step() == null ? 0 : tail.lastIndexOf(e.step()) + 1;
        List<String> printed = tail.subList(Math.max(0, from), tail.size()).stream()
                .filter(l -> !l.startsWith(" ---> ") && !l.startsWith("Removing intermediate container"))
                .toList(); // the builder's own bookkeeping, not the step's output
        if (!printed.isEmpty()) {
            message.append("\n  the step printed:");
            for (String line : printed) message.append("\n    ").append(line);
        }
        return new BuildFailedException(message.toString(), e.step(), tail);
    }

    /** Builds the spec's image and returns its id. */
    public static String build(Engine engine, String service, BuildSpec spec, Consumer<String> output) {
        ContextArchive archive;
        String dockerfile;
        BuildSpec call = spec;
        try {
            Path root = Path.of(spec.contextDir());
            DockerfileSource source = spec.dockerfileInline() != null ? new DockerfileSource(spec.dockerfileInline(), null)
                    : DockerfileSource.read(root, spec.dockerfile());
            Optional<String> labelled = DockerfileLabels.add(source.text(), spec.target(), spec.labels());
            if (labelled.isPresent()) call = spec.withoutLabels(); // they travel in the Dockerfile: one step, not one per label
            // an inline Dockerfile, or one outside the context, travels inside it under a name of its own
            String generated = labelled.orElse(source.pathInContext() == null ? source.text() : null);
            archive = new ContextArchive(root, source.pathInContext(), generated);
            dockerfile = generated != null ? ContextArchive.GENERATED_DOCKERFILE : source.pathInContext();
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineException("service \"" + service + "\" cannot be built: " + e.getMessage());
        }
        BuildSpec sent = call;
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        try (PipedInputStream in = new PipedInputStream(PIPE_BYTES)) {
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (out) {
                    archive.writeTo(out);
                } catch (Throwable e) {
                    // an Error too (a library of the wrong version): else the engine's "cannot locate Dockerfile" is all one sees
                    writeFailure.set(e);
                }
            }, "jcompose-context-" + service);
            writer.setDaemon(true);
            writer.start();
            try {
                return engine.buildImage(sent, dockerfile, in, output);
            } catch (BuildFailedException e) {
                throw withOutput(service, e);
            } catch (EngineException e) {
                writer.join(2_000); // the writer closes the stream before it records why: wait for the why
                Throwable w = writeFailure.get();
                // the engine saw a cut stream: what broke the stream is the cause worth telling
                if (w != null && !(w.getMessage() != null && w.getMessage().contains("Pipe closed"))) {
                    throw new EngineException("service \"" + service + "\": reading the build context failed: " + w.getMessage(), w);
                }
                throw e;
            } finally {
                in.close(); // a writer still blocked on a full pipe ends with "Pipe closed"
                writer.join(10_000);
            }
        } catch (IOException e) {
            throw new EngineException("service \"" + service + "\": build context: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("build of service " + service + " interrupted");
        }
    }
}
