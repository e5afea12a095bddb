package dev.jcompose.service.swarm;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** How an image built here reaches the swarm nodes that run its tasks. */
public sealed interface Distribution {
    /**
     * Nothing is sent: the image stays on the engine jcompose talks to, which is enough on a single-node swarm (on a
     * larger one, a task placed elsewhere is rejected with "No such image", which {@code --wait} reports).
     */
    record Local() implements Distribution {}

    /** {@code --push}: pushed to the registry its name points at, and the service pinned to {@code name@sha256:digest}. */
    record Push() implements Distribution {}

    /**
     * {@code --node-host NODE=DOCKER_HOST}: streamed ({@code docker save | docker load}) to each named node's engine.
     *
     * @param nodeHosts the swarm node (hostname or node id) and the engine address ({@code DOCKER_HOST} form) that reaches it
     */
    record Stream(SortedMap<String, String> nodeHosts) implements Distribution {
        public Stream {
            if (nodeHosts.isEmpty()) throw new IllegalArgumentException("--node-host needs at least one NODE=DOCKER_HOST");
            nodeHosts = new TreeMap<>(nodeHosts);
        }

        public static Stream of(Map<String, String> nodeHosts) {
            return new Stream(new TreeMap<>(nodeHosts));
        }

        @Override
        public SortedMap<String, String> nodeHosts() {
            return new TreeMap<>(nodeHosts);
        }
    }
}
