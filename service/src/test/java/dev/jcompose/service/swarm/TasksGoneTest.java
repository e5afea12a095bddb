package dev.jcompose.service.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.service.Events;
import dev.jcompose.service.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * down --wait's wait once the services are removed: for this engine's copies of the stack's networks too, within 30 s
 * (then a warning names them), never past the wait's own timeout. The clock moves 10 s each time it is read, so that
 * the limits pass after a few polls.
 */
class TasksGoneTest {
    private final InMemoryEngine engine = new InMemoryEngine();
    private final List<String> warnings = new ArrayList<>();
    private final Events events = new Events() {
        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    /** Each read 10 s after the one before. */
    private static Clock stepping() {
        return new Clock() {
            private Instant now = Instant.parse("2026-12-02T00:00:00Z");

            @Override
            public synchronized Instant instant() {
                now = now.plus(Duration.ofSeconds(10));
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    private void network(String name, String namespace) {
        engine.createNetwork(new NetworkSpec(name, "overlay", new TreeMap<>(), new TreeMap<>(Map.of(StackLabels.NAMESPACE, namespace)),
                false, false, null, null));
    }

    @Test
    void noNetworkLeftIsDoneAtOnceWithoutAWord() {
        network("other_default", "other");
        Outcome o = new TasksGone(engine, stepping()).await("demo", 0, events);
        assertEquals(Outcome.OK, o);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aCopyThatStaysIsNamedInAWarningAfterThirtySeconds() {
        network("demo_default", "demo");
        network("demo_back", "demo");
        Outcome o = new TasksGone(engine, stepping()).await("demo", 0, events);
        assertTrue(o.ok(), o.toString());
        assertEquals(List.of("down: this engine still lists the stack's networks demo_back, demo_default (is a container that"
                + " is not the stack's attached to it?)"), warnings);
    }

    @Test
    void aCopyThatGoesEndsTheWaitWithoutAWarning() throws Exception {
        network("demo_default", "demo");
        Thread remover = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            engine.removeNetwork("demo_default");
        });
        remover.start();
        // a clock that does not move: only the network's going can end the wait
        Outcome o = new TasksGone(engine, Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC)).await("demo", 0, events);
        remover.join();
        assertEquals(Outcome.OK, o);
        assertEquals(List.of(), warnings);
        assertTrue(engine.networks().isEmpty());
    }
}
