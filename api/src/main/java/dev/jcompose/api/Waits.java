package dev.jcompose.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/** Carries out {@link WaitStrategy}s: polls until each holds or the deadline passes. */
final class Waits {
    private static final Duration POLL = Duration.ofMillis(200);

    private Waits() {}

    /** Waits for {@code wait} on {@code service}; false when the deadline passed first. */
    static boolean await(ServiceHandle service, WaitStrategy wait, Instant deadline) {
        Supplier<Boolean> check = check(service, wait);
        while (true) {
            try {
                if (check.get()) return true;
            } catch (ComposeStackException e) {
                // not there yet (no container, no published port): try again until the deadline
            }
            if (Instant.now().isAfter(deadline)) return false;
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static Supplier<Boolean> check(ServiceHandle service, WaitStrategy wait) {
        // an if chain, not a switch over the sealed type: bytecode level 17 has no pattern switch
        if (wait instanceof WaitStrategy.PortListening p) return () -> listening(service, p.containerPort());
        if (wait instanceof WaitStrategy.HttpStatus h) return () -> status(service, h) == h.status();
        WaitStrategy.LogMessage l = (WaitStrategy.LogMessage) wait;
        return () -> service.logs().lines().anyMatch(line -> l.pattern().matcher(line).find());
    }

    private static boolean listening(ServiceHandle service, int port) {
        ExecResult r = service.exec("cat", "/proc/net/tcp", "/proc/net/tcp6");
        return listens(r.stdout(), port);
    }

    /**
     * Whether a {@code /proc/net/tcp} table has a socket in state LISTEN ({@code 0A}) on {@code port}: each row is
     * {@code sl local_address rem_address st ...}, the local address {@code HEXIP:HEXPORT}.
     */
    static boolean listens(String procNetTcp, int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        return procNetTcp.lines().map(String::strip).map(l -> l.split("\\s+"))
                .anyMatch(cols -> cols.length > 3 && cols[1].toUpperCase(Locale.ROOT).endsWith(hexPort) && cols[3].equals("0A"));
    }

    private static int status(ServiceHandle service, WaitStrategy.HttpStatus h) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(service.uri("http", h.containerPort()).resolve(h.path()))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
