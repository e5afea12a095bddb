package dev.jcompose.executor.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.ExecSpec;
import dev.jcompose.executor.LogFollower;
import dev.jcompose.executor.LogLine;
import dev.jcompose.executor.LogOptions;
import dev.jcompose.executor.TerminalSize;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The calls that stay open while a container runs: attach, logs, exec, wait. With standard input on a unix
 * socket they are spoken directly ({@link Hijacked}); otherwise through docker-java's commands.
 */
final class Streams {
    /** Asked for docker-java's client at each use, so that only a command that streams makes it. */
    private final EngineConnection connection;
    private final Transport transport;

    Streams(EngineConnection connection, Transport transport) {
        this.connection = connection;
        this.transport = transport;
    }

    LogFollower attach(String container, boolean tty, InputStream stdin, Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        if (stdin != null && connection.unixSocket() != null) {
            return Hijacked.open(connection.unixSocket(), "/v" + connection.info().apiVersion() + "/containers/" + container
                    + "/attach?stream=1&stdin=1&stdout=1&stderr=1", null, tty, stdin, stdout, stderr);
        }
        ResultCallback.Adapter<Frame> callback = demultiplexed(stdout, stderr);
        var cmd = connection.client().attachContainerCmd(container).withStdOut(true).withStdErr(true).withFollowStream(true);
        if (stdin != null) cmd.withStdIn(stdin);
        transport.stream("attach to " + container, () -> cmd.exec(callback));
        try {
            callback.awaitStarted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("attach to " + container + " interrupted");
        }
        return follower(callback, "attach to " + container, null);
    }

    LogFollower logs(String container, LogOptions options, Consumer<LogLine> lines) {
        // stdout and stderr arrive as separate frames; each gets its own splitter so lines never interleave mid-way
        Map<StreamType, LineSplitter> splitters = new EnumMap<>(StreamType.class);
        String what = (options.follow() ? "follow logs of " : "read logs of ") + container;
        // a log read to its end keeps coming until it ends; one followed may rightly be silent for hours
        AtomicReference<Watchdog.Idle> idle = new AtomicReference<>();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                Watchdog.Idle watch = idle.get();
                if (watch != null) watch.touch();
                splitters.computeIfAbsent(frame.getStreamType(), t -> {
                    LogLine.Stream stream = t == StreamType.STDERR ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT;
                    return new LineSplitter(text -> lines.accept(new LogLine(stream, text)));
                }).accept(frame.getPayload());
            }

            @Override
            public void onComplete() {
                splitters.values().forEach(LineSplitter::flush);
                super.onComplete();
            }
        };
        var cmd = connection.client().logContainerCmd(container).withStdOut(true).withStdErr(true)
                .withFollowStream(options.follow()).withTimestamps(options.timestamps());
        if (options.tail() == null) cmd.withTailAll();
        else cmd.withTail(options.tail());
        // the engine takes whole seconds here (docker-java's call has no fractions)
        if (options.since() != null) cmd.withSince((int) options.since().getEpochSecond());
        if (options.until() != null) cmd.withUntil((int) options.until().getEpochSecond());
        if (!options.follow()) idle.set(connection.watchdog().idle(connection.timeouts().response(), () -> closeQuietly(callback)));
        transport.stream(what, () -> cmd.exec(callback));
        return follower(callback, what, idle.get());
    }

    int exec(String container, ExecSpec spec, InputStream stdin, Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        String what = "exec in " + container;
        var create = connection.client().execCreateCmd(container)
                .withCmd(spec.command().toArray(String[]::new))
                .withAttachStdout(!spec.detach())
                .withAttachStderr(!spec.detach())
                .withAttachStdin(stdin != null && !spec.detach())
                .withTty(spec.tty())
                .withPrivileged(spec.privileged());
        if (spec.user() != null) create.withUser(spec.user());
        if (spec.workingDir() != null) create.withWorkingDir(spec.workingDir());
        if (!spec.environment().isEmpty()) {
            create.withEnv(spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        String id = transport.call(what, () -> create.exec()).getId();
        if (stdin != null && !spec.detach() && connection.unixSocket() != null) {
            String body = "{\"Detach\":false,\"Tty\":" + spec.tty() + "}";
            Hijacked stream = Hijacked.open(connection.unixSocket(), "/v" + connection.info().apiVersion() + "/exec/" + id + "/start",
                    body, spec.tty(), stdin, stdout, stderr);
            if (spec.tty()) {
                // started: its TTY takes the local terminal's size now, and again whenever the window changes
                TerminalSize now = spec.sizes().current();
                if (now != null) resizeExec(id, now);
                spec.sizes().onChange(size -> resizeExec(id, size));
            }
            stream.awaitEnd(0);
            stream.close();
            return exitCode(what, id);
        }
        var start = connection.client().execStartCmd(id).withDetach(spec.detach()).withTty(spec.tty());
        if (stdin != null && !spec.detach()) start.withStdIn(stdin);
        transport.stream(what, () -> {
            try {
                return start.exec(demultiplexed(stdout, stderr)).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException(what + " interrupted");
            }
        });
        if (spec.detach()) return 0;
        return exitCode(what, id);
    }

    private int exitCode(String what, String execId) {
        Long code = transport.call(what, () -> connection.client().inspectExecCmd(execId).exec()).getExitCodeLong();
        return code == null ? -1 : code.intValue();
    }

    private void resizeExec(String execId, TerminalSize size) {
        try {
            transport.call("resize exec " + execId, () -> connection.client().resizeExecCmd(execId)
                    .withSize(size.rows(), size.columns()).exec());
        } catch (EngineException e) {
            // the exec may have ended between the window change and this call: nothing left to resize
        }
    }

    void resizeContainer(String container, TerminalSize size) {
        transport.call("resize the TTY of " + container, () -> connection.client().resizeContainerCmd(container)
                .withSize(size.rows(), size.columns()).exec());
    }

    /** Blocks until the container stops and returns its exit code. */
    int waitContainer(String container) {
        Integer code = transport.stream("wait for container " + container, () -> connection.client().waitContainerCmd(container).start().awaitStatusCode());
        return code == null ? -1 : code;
    }

    /** The engine's multiplexed frames, each to the consumer of its stream. */
    private static ResultCallback.Adapter<Frame> demultiplexed(Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        return new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                if (frame.getStreamType() == StreamType.STDERR) stderr.accept(frame.getPayload());
                else stdout.accept(frame.getPayload());
            }
        };
    }

    /**
     * docker-java's callback as a {@link LogFollower}: what ended the stream, when the engine did, is thrown as
     * {@link Transport#call} words a failed call; one that {@code idle} ended for its silence says so.
     */
    private LogFollower follower(ResultCallback.Adapter<Frame> callback, String what, Watchdog.Idle idle) {
        return new LogFollower() {
            @Override
            public void awaitEnd(long millis) {
                boolean ended = false;
                try {
                    ended = callback.awaitCompletion(millis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    if (idle != null && idle.end()) throw transport.silent(what);
                    throw transport.failure(what, e);
                }
                if (ended && idle != null && idle.end()) throw transport.silent(what);
            }

            @Override
            public void close() {
                if (idle != null) idle.end();
                closeQuietly(callback);
            }
        };
    }

    private static void closeQuietly(ResultCallback.Adapter<Frame> callback) {
        try {
            callback.close();
        } catch (IOException e) {
            // the stream is going away anyway
        }
    }
}
