package dev.jcompose.planner.swarm.observed;

/**
 * A task as the engine reports it ({@code GET /tasks}).
 *
 * @param slot         the replica's slot (replicated modes), or null (global modes)
 * @param nodeId       null while unassigned
 * @param nodeHostname the node's hostname, when the collector resolved it, else null
 * @param message      {@code Status.Message}
 * @param err          {@code Status.Err}: the reason a task was rejected or failed ({@code no suitable node...})
 * @param containerId  null until the task has a container
 * @param exitCode     null until the container exited
 */
public record SwarmTask(String id, String serviceId, Integer slot, String nodeId, String nodeHostname,
                        TaskState desiredState, TaskState state, String message, String err, String containerId,
                        Integer exitCode) {}
