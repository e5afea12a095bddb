package dev.jcompose.executor.docker;

import dev.jcompose.executor.LogFollower;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A stream the engine sends for as long as it likes (events, a service's logs), read on a daemon thread of its own:
 * {@link #awaitEnd} throws what ended it when nobody closed it, {@link #close} interrupts the reader.
 */
final class ReaderThread implements LogFollower {
    /** The reading itself: one engine call, told whether the stream was closed before its answer came. */
    interface Reading {
        void read(BooleanSupplier closed);
    }

    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    /** What ended the stream when nobody closed it, for {@link #awaitEnd} to throw. */
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread reader;

    private ReaderThread(String name, Reading reading) {
        reader = new Thread(() -> {
            try {
                reading.read(closed::get);
            } catch (RuntimeException e) {
                // closing the stream ends the read with an error; one that was not asked for is the engine's to report
                if (!closed.get()) failure.set(e);
            } finally {
                ended.countDown();
            }
        }, name);
        reader.setDaemon(true);
    }

    static ReaderThread start(String name, Reading reading) {
        ReaderThread stream = new ReaderThread(name, reading);
        stream.reader.start();
        return stream;
    }

    @Override
    public void awaitEnd(long millis) {
        try {
            ended.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeException f = failure.getAndSet(null);
        if (f != null) throw f;
    }

    /**
     * Interrupts the reading thread, as docker-java ends its own streams: the engine's socket is an interruptible
     * channel, so the blocked read ends with it closed. Closing the body from here instead would drain the chunked
     * stream first, which never ends.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        reader.interrupt();
    }
}
