package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A connection to the engine made on a thread of its own from the first moment of a command that will need it,
 * while the command line is built and the files are read: the HTTP client's start-up (a sixth of a second of a cold
 * start) and that work overlap instead of adding up. Nothing is asked of the engine but its API version; a failure
 * to connect is reported only when the command asks for the engine, so an invalid file is still reported as such.
 */
final class EarlyConnection {
    private FutureTask<Engine> pending;

    /** No connection on its way: {@link #take} connects when asked. */
    static EarlyConnection none() {
        return new EarlyConnection(null);
    }

    static EarlyConnection start(Context context) {
        FutureTask<Engine> task = new FutureTask<>(() -> context.engines().connect(context.env()));
        Thread t = new Thread(task, "jcompose-connect");
        t.setDaemon(true);
        t.start();
        return new EarlyConnection(task);
    }

    private EarlyConnection(FutureTask<Engine> pending) {
        this.pending = pending;
    }

    /** The connection started early, waited for; or a new one when none was started (or it was taken already). */
    synchronized Engine take(Context context) {
        FutureTask<Engine> f = pending;
        pending = null;
        if (f == null) return context.engines().connect(context.env());
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while connecting to the engine");
        }
    }

    /** The connection no command took (its files were invalid, or it needed none): closed if made, abandoned if on its way. */
    synchronized void closeUnused() {
        FutureTask<Engine> f = pending;
        pending = null;
        if (f == null) return;
        if (!f.isDone()) {
            f.cancel(true);
            return;
        }
        try {
            f.get().close();
        } catch (Exception e) {
            // a connection that failed has nothing to close
        }
    }
}
