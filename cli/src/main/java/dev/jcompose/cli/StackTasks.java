package dev.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.observed.TaskState;
import dev.jcompose.service.swarm.StackNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ps} of a project deployed as a stack: its tasks as {@code docker stack ps} lists them (ID, NAME as
 * {@code <service>.<slot>} or {@code <service>.<node id>} for a global service or a job, IMAGE, NODE, DESIRED STATE,
 * CURRENT STATE, ERROR), or as JSON with its keys. Without {@code -a} only the tasks meant to run now (desired
 * state running), as {@code ps} without {@code -a} leaves out the containers that exited.
 */
final class StackTasks {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One task, with its service. */
    record Row(SwarmService service, SwarmTask task) {
        /** The compose service's name: its label, else the swarm name without the namespace. */
        String composeService(String namespace) {
            return StackNames.composeName(namespace, service);
        }

        /** As docker names a task: by its slot, or (a global service's, a job's: slot 0) by its node's id. */
        String name() {
            return service.name() + "." + StackNames.slotOrNode(task);
        }
    }

    private StackTasks() {}

    /** The tasks shown, by service name and slot, the running ones of a slot first. */
    static List<Row> rows(String namespace, ObservedSwarm swarm, boolean all, List<String> services) {
        List<Row> rows = new ArrayList<>();
        for (SwarmService s : swarm.services()) {
            for (SwarmTask t : swarm.tasksOf(s.id())) {
                Row r = new Row(s, t);
                if (!services.isEmpty() && !services.contains(r.composeService(namespace))) continue;
                if (!all && t.desiredState() != TaskState.RUNNING) continue;
                rows.add(r);
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.service().name())
                .thenComparing(r -> r.task().slot() == null ? 0 : r.task().slot())
                .thenComparing(r -> r.task().desiredState() == TaskState.RUNNING ? 0 : 1)
                .thenComparing(r -> r.task().id()));
        return rows;
    }

    static String table(List<Row> rows, boolean truncate) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR"});
        for (Row r : rows) {
            Map<String, String> m = fields(r, truncate);
            table.add(new String[] {m.get("ID"), m.get("Name"), m.get("Image"), m.get("Node"), m.get("DesiredState"), m.get("CurrentState"), m.get("Error")});
        }
        return Columns.align(table);
    }

    static String json(List<Row> rows, boolean truncate) throws JsonProcessingException {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) sb.append(JSON.writeValueAsString(fields(r, truncate))).append('\n');
        return sb.toString();
    }

    /** docker stack ps's keys, in its order. */
    private static Map<String, String> fields(Row r, boolean truncate) {
        Map<String, String> m = new LinkedHashMap<>();
        SwarmTask t = r.task();
        m.put("ID", truncate && t.id().length() > 12 ? t.id().substring(0, 12) : t.id());
        m.put("Name", r.name());
        String image = r.service().image() == null ? "" : r.service().image();
        // as docker stack ps: the digest the engine pinned is left out unless --no-trunc
        m.put("Image", truncate && image.contains("@") ? image.substring(0, image.indexOf('@')) : image);
        m.put("Node", t.nodeHostname() != null ? t.nodeHostname() : t.nodeId() != null ? t.nodeId() : "");
        m.put("DesiredState", word(t.desiredState()));
        m.put("CurrentState", word(t.state()));
        m.put("Error", t.err() == null ? "" : t.err());
        return m;
    }

    /** {@code running} as docker prints it: {@code Running}. */
    private static String word(TaskState state) {
        if (state == null) return "";
        String k = state.key();
        return k.substring(0, 1).toUpperCase(Locale.ROOT) + k.substring(1);
    }
}
