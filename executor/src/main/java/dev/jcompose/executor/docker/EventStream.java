package dev.jcompose.executor.docker;

import dev.jcompose.executor.EngineEvent;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.planner.Labels;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/** The engine's event stream ({@code GET /events}) for one project, read on a thread of its own until it ends or is closed. */
final class EventStream {
    private EventStream() {}

    static LogFollower open(Transport transport, String project, Instant since, Instant until, Consumer<EngineEvent> events) {
        String filters = URLEncoder.encode("{\"label\":[\"" + Labels.PROJECT + "=" + project.replace("\"", "\\\"") + "\"]}", StandardCharsets.UTF_8);
        StringBuilder path = new StringBuilder("/events?filters=").append(filters);
        if (since != null) path.append("&since=").append(seconds(since));
        if (until != null) path.append("&until=").append(seconds(until));
        EngineJson json = new EngineJson();
        return ReaderThread.start("jcompose-events", closed -> transport.stream("read events",
                () -> transport.exchangeStreaming("GET", path.toString(), null, null, r -> {
                    // a close that came before the answer did
                    if (closed.getAsBoolean()) return null;
                    json.readEach(r.getBody(), e -> events.accept(event(e)));
                    return null;
                })));
    }

    /** The engine's form of a time with a fraction: {@code 1700000000.123456789}. */
    static String seconds(Instant t) {
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).toPlainString();
    }

    private static EngineEvent event(Object e) {
        Object actor = EngineJson.field(e, "Actor");
        long nanos = EngineJson.number(e, "timeNano");
        Instant time = nanos != 0 ? Instant.ofEpochSecond(0, nanos) : Instant.ofEpochSecond(EngineJson.number(e, "time"));
        String action = EngineJson.string(e, "Action");
        String id = EngineJson.string(actor, "ID");
        return new EngineEvent(orEmpty(EngineJson.string(e, "Type")), orEmpty(action != null ? action : EngineJson.string(e, "status")),
                orEmpty(id != null ? id : EngineJson.string(e, "id")), time, EngineJson.stringMap(actor, "Attributes"));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
