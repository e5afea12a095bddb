package dev.jcompose.api;

import java.util.regex.Pattern;

/**
 * A wait beyond the file's own, for images without a healthcheck: {@link ComposeStack#up()} returns once the
 * service's container is running (healthy if it has a check) <em>and</em> this holds.
 */
public sealed interface WaitStrategy permits WaitStrategy.PortListening, WaitStrategy.HttpStatus, WaitStrategy.LogMessage {
    /**
     * The container listens on this TCP port, as its own {@code /proc/net/tcp} says: a published port is accepted by
     * the engine's proxy before the process listens, so a connection from outside proves nothing.
     */
    record PortListening(int containerPort) implements WaitStrategy {}

    /** {@code GET http://host:<published port><path>} answers this status. */
    record HttpStatus(int containerPort, String path, int status) implements WaitStrategy {
        public HttpStatus {
            if (!path.startsWith("/")) path = "/" + path;
        }
    }

    /** A line the container logged matches this regular expression (anywhere in the line). */
    record LogMessage(Pattern pattern) implements WaitStrategy {}

    static WaitStrategy listening(int containerPort) {
        return new PortListening(containerPort);
    }

    static WaitStrategy http(int containerPort, String path) {
        return new HttpStatus(containerPort, path, 200);
    }

    static WaitStrategy log(String regex) {
        return new LogMessage(Pattern.compile(regex));
    }
}
