package dev.jcompose.executor.docker;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How long jcompose waits for the engine, read from the environment.
 *
 * <ul>
 *   <li>{@value #CONNECT} (default 5 s): for the engine to accept the connection and answer the first call
 *       ({@code GET /_ping}, or {@code GET /version} off a unix socket). A live engine answers in milliseconds even
 *       when busy, since the ping takes none of its locks; past this the engine counts as unreachable.</li>
 *   <li>{@value #RESPONSE} (default 60 s, docker compose v1's and docker-py's name and default): for the answer to
 *       every ordinary call after it (list, inspect, create, start, remove, rename, network and volume calls).
 *       A stop or a restart waits this long on top of the grace period it gives the container.</li>
 * </ul>
 *
 * Calls that stream or block for as long as a container or the engine says have no such limit: following logs,
 * attach, exec, wait, events, build, copies in and out of a container, image saves and loads (a large one takes
 * minutes); pull and push keep their own limit of 30 minutes. They end when the engine ends them, closes the
 * connection, or the person presses Ctrl-C. A log read to its end without following fails after
 * {@value #RESPONSE} of silence.
 *
 * <p>A value is a number of seconds, with up to three decimals ({@code 60}, {@code 2.5}); {@code 0} means no limit.
 *
 * @param connect  the limit on the first call, {@link Duration#ZERO} for none
 * @param response the limit on each ordinary call, {@link Duration#ZERO} for none
 */
record EngineTimeouts(Duration connect, Duration response) {
    static final String CONNECT = "JCOMPOSE_CONNECT_TIMEOUT";
    static final String RESPONSE = "COMPOSE_HTTP_TIMEOUT";
    static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    static final Duration DEFAULT_RESPONSE = Duration.ofSeconds(60);

    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d{1,3})?");

    EngineTimeouts {
        if (connect.isNegative() || response.isNegative()) throw new IllegalArgumentException("a time-out cannot be negative");
    }

    /**
     * The settings in {@code env}, the defaults where one is unset; throws {@link IllegalArgumentException} naming
     * the variable when a value is not a number of seconds.
     */
    static EngineTimeouts from(Map<String, String> env) {
        return new EngineTimeouts(seconds(env, CONNECT, DEFAULT_CONNECT), seconds(env, RESPONSE, DEFAULT_RESPONSE));
    }

    private static Duration seconds(Map<String, String> env, String name, Duration otherwise) {
        String value = env.get(name);
        if (value == null) return otherwise;
        String text = value.strip();
        if (!SECONDS.matcher(text).matches()) {
            throw new IllegalArgumentException(name + "=\"" + value + "\" is not a number of seconds (for example 60 or 2.5; 0 for no limit)");
        }
        return Duration.ofMillis(new BigDecimal(text).movePointRight(3).longValueExact());
    }

    /** A limit as the messages and the settings write it: {@code 60 s}, {@code 2.5 s}. */
    static String describe(Duration limit) {
        return BigDecimal.valueOf(limit.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }

    /** The limit on a stop or restart that gives the container {@code graceSeconds} before the engine kills it. */
    Duration forStop(int graceSeconds) {
        if (response.isZero()) return Duration.ZERO;
        return response.plusSeconds(Math.max(graceSeconds, 0));
    }
}
