package dev.jcompose.executor;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One event the engine reported ({@code GET /events}).
 *
 * @param type       what it is about: container, network, volume, image...
 * @param action     what happened: create, start, die, kill, exec_start: sh...
 * @param id         the id of what it is about
 * @param time       when, to the nanosecond where the engine says so
 * @param attributes the actor's attributes: the container's labels, its name and image, an exit code...
 */
public record EngineEvent(String type, String action, String id, Instant time, SortedMap<String, String> attributes) {
    public EngineEvent {
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }
}
