package dev.jcompose.executor;

import java.time.Instant;

/**
 * Which part of a container's log to read, as the engine's logs call takes it.
 *
 * @param follow     keep streaming until the container stops (else end after what it has logged so far)
 * @param tail       only the last so many lines, or null for all of them
 * @param since      only lines logged at or after this time, or null
 * @param until      only lines logged at or before this time, or null
 * @param timestamps each line starts with the engine's RFC 3339 timestamp and a space
 */
public record LogOptions(boolean follow, Integer tail, Instant since, Instant until, boolean timestamps) {
    /** What attached output reads: everything, then follow. */
    public static final LogOptions FOLLOW_ALL = new LogOptions(true, null, null, null, false);

    public LogOptions {
        if (tail != null && tail < 0) throw new IllegalArgumentException("tail must not be negative: " + tail);
    }
}
