package dev.jcompose.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One command at a time changes a project: the first holds the lock, a second waits for it and then plans against
 * what the first left, so two {@code up}s never create the same containers twice. The lock is a file per engine
 * and project (an OS lock, freed even when the holder is killed -9), plus an in-process lock for callers that
 * share a JVM (file locks are per process).
 */
public final class ProjectLock implements AutoCloseable {
    private static final ConcurrentHashMap<String, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;

    private ProjectLock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
        this.local = local;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Waits for and takes the lock of {@code project} on the engine at {@code engineHost}.
     *
     * @param waiting told once when another command holds the lock, so the person knows why nothing happens
     */
    public static ProjectLock acquire(Path dir, String engineHost, String project, Runnable waiting) {
        String key = Integer.toHexString(engineHost.hashCode()) + "-" + project;
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        if (!local.tryLock()) {
            waiting.run();
            local.lock();
        }
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(key + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                waiting.run();
                lock = channel.lock();
            }
            return new ProjectLock(local, channel, lock);
        } catch (IOException e) {
            local.unlock();
            throw new UncheckedIOException("cannot lock project " + project + " in " + dir, e);
        }
    }

    /** Where the locks live: $XDG_RUNTIME_DIR/jcompose, else the temporary directory. */
    public static Path directory(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        return runtime != null ? Path.of(runtime, "jcompose") : Path.of(System.getProperty("java.io.tmpdir"), "jcompose-locks");
    }

    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            // the OS frees the lock with the process anyway
        } finally {
            local.unlock();
        }
    }
}
