package dev.jcompose.junit;

import dev.jcompose.api.ComposeStack;
import dev.jcompose.api.ComposeStackBuilder;
import org.testcontainers.lifecycle.Startable;

/**
 * A jcompose stack as a Testcontainers {@link Startable}, so that a {@code @Testcontainers} class holds one in a
 * {@code @Container} field beside its other containers: {@code start()} sweeps leftovers and brings it up,
 * {@code stop()} takes it down with its volumes. Testcontainers stays optional: only this class needs it.
 */
public final class ComposeStackStartable implements Startable {
    private final ComposeStackBuilder builder;
    private volatile ComposeStack stack;

    public ComposeStackStartable(ComposeStackBuilder builder) {
        this.builder = builder;
    }

    @Override
    public synchronized void start() {
        if (stack != null) return;
        ComposeStack made = builder.build();
        made.sweepLeftovers();
        stack = made.up();
    }

    @Override
    public synchronized void stop() {
        ComposeStack s = stack;
        stack = null;
        if (s != null) s.close();
    }

    /** The running stack; an error before {@link #start()}. */
    public ComposeStack stack() {
        ComposeStack s = stack;
        if (s == null) throw new IllegalStateException("the compose stack is not started (is the field annotated @Container?)");
        return s;
    }
}
