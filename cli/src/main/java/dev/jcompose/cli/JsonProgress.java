package dev.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.ProgressEvent;
import dev.jcompose.executor.ProgressListener;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.executor.swarm.SwarmProgressEvent;
import dev.jcompose.planner.swarm.plan.SwarmAction;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --progress json}: one JSON object per line on stderr, in docker compose's schema ({@code id}, {@code status}
 * Working/Done/Warning/Error, {@code text}, {@code details}), so that a script written for its output reads ours;
 * warnings as its JSON log lines ({@code level}, {@code msg}, {@code time}); errors as {@code {"error":true,"message":...}}.
 */
final class JsonProgress implements ProgressListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream err;
    private final Clock clock;

    JsonProgress(PrintStream err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public void on(ProgressEvent event) {
        Action action = event.step().action();
        if (event instanceof ProgressEvent.Started) print(message(action.resource(), "Working", action.doing(), null));
        else if (event instanceof ProgressEvent.Completed) print(message(action.resource(), "Done", action.done(), null));
        else if (event instanceof ProgressEvent.Output o) print(message(action.resource(), "Working", action.doing(), o.line()));
        else if (event instanceof ProgressEvent.Warned w) print(message(action.resource(), "Warning", "Warning", w.message()));
        else if (event instanceof ProgressEvent.Failed f) print(message(action.resource(), "Error", "Error", f.message()));
    }

    /** A swarm plan's progress, in the same messages as a container plan's. */
    void swarm(SwarmProgressEvent event) {
        SwarmAction action = event.step().action();
        if (event instanceof SwarmProgressEvent.Started) print(message(action.resource(), "Working", SwarmProgressEvent.doing(action), null));
        else if (event instanceof SwarmProgressEvent.Completed) print(message(action.resource(), "Done", SwarmProgressEvent.done(action), null));
        else if (event instanceof SwarmProgressEvent.Output o) print(message(action.resource(), "Working", SwarmProgressEvent.doing(action), o.line()));
        else if (event instanceof SwarmProgressEvent.Warned w) print(message(action.resource(), "Warning", "Warning", w.message()));
        else if (event instanceof SwarmProgressEvent.Failed f) print(message(action.resource(), "Error", "Error", f.message()));
    }

    static Map<String, Object> message(String id, String status, String text, String details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("status", status);
        m.put("text", text);
        if (details != null && !details.isEmpty()) m.put("details", details);
        return m;
    }

    void warning(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", "warning");
        m.put("msg", message);
        m.put("time", clock.instant().toString());
        print(m);
    }

    void error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", true);
        m.put("message", message);
        print(m);
    }

    private void print(Map<String, Object> m) {
        try {
            String line = JSON.writeValueAsString(m);
            synchronized (err) {
                err.println(line);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a progress event that cannot be written as JSON: " + m, e);
        }
    }
}
