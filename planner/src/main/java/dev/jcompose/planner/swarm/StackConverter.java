package dev.jcompose.planner.swarm;

import dev.jcompose.planner.swarm.spec.Stack;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.model.Project;
import java.util.SortedMap;

/**
 * {@code Project -> Stack}: the mapping of docker cli's {@code cli/compose/convert} ({@code service.go},
 * {@code compose.go}, {@code volume.go}), pure. Every attribute a swarm cannot honour is a warning in
 * {@link Stack#diagnostics()} or an error, at its file:line.
 */
public final class StackConverter {
    private StackConverter() {
    }

    /**
     * @param project the loaded project, profiles already applied
     * @param images  per compose service, the image to run instead of the file's ({@code build:} services: the
     *                content-tagged or digest-pinned image the service layer made); may be empty
     * @param reader  reads {@code file:} sources of configs and secrets
     * @throws ComposeException the project cannot go on a swarm; every problem at its line
     */
    public static Stack convert(Project project, SortedMap<String, String> images, ContentReader reader) {
        throw new UnsupportedOperationException("swarm contract: the converter is not implemented yet");
    }
}
