package dev.jcompose.executor.docker;

import com.github.dockerjava.api.exception.DockerException;
import dev.jcompose.executor.EngineException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Makes the engine's error bodies readable: {@code {"message":"..."}} becomes the message alone. */
final class EngineMessages {
    private static final Pattern NETWORK_GONE = Pattern.compile("\\bnetwork \\S+ not found$");

    private EngineMessages() {}

    static String of(DockerException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        // docker-java prefixes "Status 409: " and passes the body through
        return ofBody(text.replaceFirst("^Status \\d+: ", ""));
    }

    /** The engine's error body, {@code {"message":"..."}}, as its message alone. */
    static String ofBody(String body) {
        String text = body.strip();
        if (text.startsWith("{")) {
            try {
                // jackson-core alone: a databind ObjectMapper costs a cold start tens of milliseconds, for one field
                String message = EngineJson.string(new EngineJson().read(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), "message");
                if (message != null) return message;
            } catch (IOException notJson) {
                // keep the text as it came
            }
        }
        return text;
    }

    /**
     * Whether a failed network removal says the network is gone: a swarm-scoped network that the manager or this
     * engine let go between the listing and the removal is answered with status 500 and "network ID not found",
     * not with a 404.
     */
    static boolean isNetworkGone(EngineException e) {
        return NETWORK_GONE.matcher(String.valueOf(e.getMessage())).find();
    }

    /**
     * Whether a failed container removal says another removal of it is under way (409, "removal of container X is
     * already in progress"): the engine's auto-removal of a {@code --rm} container, or the swarm's of a task's, met
     * ours. It ends with the container gone, which is what the removal wanted (the removal waits for that); docker
     * compose ignores it likewise (docker/compose#10136).
     */
    static boolean isRemovalInProgress(EngineException e) {
        return String.valueOf(e.getMessage()).endsWith(" is already in progress");
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException) return true;
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("No such file") || t.getMessage().contains("Connection refused"))) return true;
        }
        return false;
    }

    /**
     * The message of the innermost cause: docker-java and its transport wrap what went wrong several times. The
     * transport's words for a connection that ended early name a TCP address even on a unix socket; they are said
     * plainly instead.
     */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        if (message.endsWith(" failed to respond")) return "the connection closed without an HTTP answer";
        if (message.startsWith("Premature end of")) return "the answer was cut short (" + message + ")";
        return message;
    }
}
