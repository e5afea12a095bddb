package dev.jcompose.executor.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A service's Dockerfile found as docker compose's classic builder finds it (the docker CLI's
 * {@code GetContextFromLocalDir}): its path is taken from the context folder and its links are resolved; when the
 * file it names is inside the context, the engine reads it from the context at that resolved path; when it is
 * outside (a {@code dockerfile: ../Dockerfile}, or a link out of the context), its text is read here and sent
 * inside the context under a name of its own (the CLI's {@code .dockerfile.<random>}, jcompose's
 * {@link ContextArchive#GENERATED_DOCKERFILE}), never the file's folder.
 *
 * @param text          the Dockerfile's text
 * @param pathInContext its {@code /}-separated path inside the context, or null when it is outside the context
 */
public record DockerfileSource(String text, String pathInContext) {
    /** Reads the Dockerfile at {@code dockerfile} (relative to {@code root}, or absolute). */
    public static DockerfileSource read(Path root, String dockerfile) throws IOException {
        Path given = root.resolve(dockerfile).normalize();
        Path real;
        try {
            real = given.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IOException("Dockerfile " + given + " not found");
        }
        if (!Files.isRegularFile(real)) throw new IOException("Dockerfile " + given + " is not a file");
        String text = Files.readString(real);
        Path realRoot = root.toRealPath();
        if (!real.startsWith(realRoot)) return new DockerfileSource(text, null);
        return new DockerfileSource(text, realRoot.relativize(real).toString().replace('\\', '/'));
    }
}
