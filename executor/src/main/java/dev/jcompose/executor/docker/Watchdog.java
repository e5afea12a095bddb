package dev.jcompose.executor.docker;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends a call that outlives its limit by interrupting the thread that waits for it. docker-java's unix socket is a
 * {@code SocketChannel} read through {@code Channels.newInputStream}, which ignores the transport's read time-out
 * (a call to an engine that never answers waits forever, whatever {@code responseTimeout} says); the channel is
 * interruptible, though, so an interrupt closes it and the blocked read ends. On TCP the transport's own read
 * time-out is set as well ({@link EngineConnection}), since a plain socket's read ignores interrupts.
 *
 * <p>One daemon thread, made at the first watched call, serves every call of a connection.
 */
final class Watchdog implements AutoCloseable {
    private ScheduledThreadPoolExecutor timer;

    /** One watched call: {@link #end} it on the thread that made it, whatever the call's outcome. */
    interface Watch {
        /**
         * Stops watching and clears an interrupt this watch sent, so that it never reaches the thread's next task.
         *
         * @return whether the limit passed (the call was interrupted, or was about to be)
         */
        boolean end();
    }

    private static final Watch UNWATCHED = () -> false;
    private static final Duration REPEAT = Duration.ofMillis(100);

    /** Watches a call the current thread is about to make; {@code limit} zero watches nothing. */
    Watch watch(Duration limit) {
        if (limit.isZero()) return UNWATCHED;
        Thread caller = Thread.currentThread();
        Armed armed = new Armed(caller);
        // again and again until the call ends: docker-java's transport retries a call whose channel an interrupt
        // closed (an idempotent one, once), and the retry must end too
        armed.task = timer().scheduleWithFixedDelay(armed::fire, limit.toNanos(), REPEAT.toNanos(), TimeUnit.NANOSECONDS);
        return armed;
    }

    /** A stream watched for silence: {@link #touch} it at each piece that arrives, {@link #end} it when it is over. */
    interface Idle {
        void touch();

        /** @return whether the stream fell silent for the limit (and was ended for it) */
        boolean end();
    }

    /**
     * Watches a stream that must keep coming: when nothing arrived for {@code limit}, {@code onSilence} runs once
     * (closing the stream). {@code limit} zero watches nothing.
     */
    Idle idle(Duration limit, Runnable onSilence) {
        if (limit.isZero()) {
            return new Idle() {
                public void touch() {}

                public boolean end() {
                    return false;
                }
            };
        }
        Silence silence = new Silence(limit.toNanos(), onSilence);
        long every = Math.max(limit.toNanos() / 10, Duration.ofMillis(20).toNanos());
        silence.task = timer().scheduleWithFixedDelay(silence::check, every, every, TimeUnit.NANOSECONDS);
        return silence;
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "jcompose-engine-watchdog");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
    }

    private static final class Silence implements Idle {
        private final long limitNanos;
        private final Runnable onSilence;
        private volatile long last = System.nanoTime();
        private volatile ScheduledFuture<?> task;
        private boolean ended;
        private boolean fired;

        Silence(long limitNanos, Runnable onSilence) {
            this.limitNanos = limitNanos;
            this.onSilence = onSilence;
        }

        @Override
        public void touch() {
            last = System.nanoTime();
        }

        void check() {
            synchronized (this) {
                if (ended || fired || System.nanoTime() - last < limitNanos) return;
                fired = true;
            }
            task.cancel(false);
            onSilence.run();
        }

        @Override
        public synchronized boolean end() {
            ended = true;
            if (task != null) task.cancel(false);
            return fired;
        }
    }

    /** A watch whose interrupt and end are ordered by its lock: no interrupt is sent after the call ended. */
    private static final class Armed implements Watch {
        private final Thread caller;
        private ScheduledFuture<?> task;
        private boolean ended;
        private boolean fired;

        Armed(Thread caller) {
            this.caller = caller;
        }

        synchronized void fire() {
            if (ended) return;
            fired = true;
            caller.interrupt();
        }

        @Override
        public boolean end() {
            boolean limitPassed;
            synchronized (this) {
                ended = true;
                limitPassed = fired;
            }
            if (task != null) task.cancel(false);
            if (limitPassed) Thread.interrupted(); // ours, not the person's: clear it
            return limitPassed;
        }
    }
}
