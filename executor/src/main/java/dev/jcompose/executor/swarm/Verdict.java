package dev.jcompose.executor.swarm;

/** What one look at a service's tasks says of a wait: passed, still waiting (on what), or failed (why). */
public sealed interface Verdict {
    /** @param summary what was reached: {@code 2 of 2 tasks running} */
    record Passed(String summary) implements Verdict {}

    /**
     * @param status what is still missing, in a few words: {@code 1 of 2 tasks running}
     * @param tasks  each task's state and message per node, for a timeout's message
     */
    record Waiting(String status, String tasks) implements Verdict {}

    /** @param reason what went wrong, naming each task's state and message per node */
    record Failed(String reason) implements Verdict {}
}
