package dev.jcompose.planner.swarm.spec;

/** {@code deploy.mode}: how many tasks the swarm runs. */
public sealed interface ServiceMode {
    /** The name in the Compose file: {@code replicated}, {@code global}, {@code replicated-job}, {@code global-job}. */
    String key();

    /** Whether its tasks are meant to complete (a job) rather than to keep running. */
    default boolean isJob() {
        return false;
    }

    record Replicated(long replicas) implements ServiceMode {
        public String key() { return "replicated"; }
    }

    record Global() implements ServiceMode {
        public String key() { return "global"; }
    }

    /**
     * @param maxConcurrent     tasks run at once ({@code deploy.replicas}, 1 by default)
     * @param totalCompletions  completions wanted ({@code deploy.replicas}, 1 by default)
     */
    record ReplicatedJob(long maxConcurrent, long totalCompletions) implements ServiceMode {
        public String key() { return "replicated-job"; }
        public boolean isJob() { return true; }
    }

    record GlobalJob() implements ServiceMode {
        public String key() { return "global-job"; }
        public boolean isJob() { return true; }
    }
}
