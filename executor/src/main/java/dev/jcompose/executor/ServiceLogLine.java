package dev.jcompose.executor;

/**
 * One line a task of a service logged ({@code GET /services/{id}/logs} with details), and where it came from.
 *
 * @param taskId the task's id (the engine's {@code com.docker.swarm.task.id}), empty when the engine did not say
 * @param nodeId the node the task runs on ({@code com.docker.swarm.node.id}), empty when the engine did not say
 */
public record ServiceLogLine(String taskId, String nodeId, LogLine line) {
    public ServiceLogLine {
        taskId = taskId == null ? "" : taskId;
        nodeId = nodeId == null ? "" : nodeId;
    }
}
