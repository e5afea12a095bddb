package dev.jcompose.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One command at a time changes a project: the first holds the lock, a second waits for it and then plans against
 * what the first left, so two {@code up}s never create the same containers twice. The lock is a file per engine
 * and project (an OS lock, freed even when the holder is killed -9), plus an in-process lock for callers that
 * share a JVM (file locks are per process). The lock directory and file are the user's own and never followed
 * through a link ({@link LockFiles}); one that is not is refused with a {@link LockRefusedException}.
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
        return acquireKey(dir, Integer.toHexString(engineKey(engineHost).hashCode()) + "-" + project, "project " + project, waiting);
    }

    /**
     * Waits for and takes the lock of the network named {@code network} on the engine at {@code engineHost}, which
     * several projects may name ({@code networks: default: name: X}): below API 1.44 the engine makes a second network
     * of one name when two creations meet, so whoever creates or removes it does so holding this lock. Taken after
     * the project's own lock, in name order ({@link NetworkLocks}), so that two commands never wait for each other.
     */
    public static ProjectLock network(Path dir, String engineHost, String network, Runnable waiting) {
        // a dot, which a project name cannot hold, keeps "net.X" apart from every project's key
        return acquireKey(dir, Integer.toHexString(engineKey(engineHost).hashCode()) + "-net." + network, "network " + network, waiting);
    }

    private static ProjectLock acquireKey(Path dir, String key, String what, Runnable waiting) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        if (!local.tryLock()) {
            waiting.run();
            local.lock();
        }
        FileChannel channel = null;
        try {
            long uid = LockFiles.posix() ? LockFiles.currentUid() : -1;
            LockFiles.prepareDirectory(dir, uid);
            channel = LockFiles.openLockFile(dir, key + ".lock", uid);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                waiting.run();
                lock = channel.lock();
            }
            return new ProjectLock(local, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            local.unlock();
            throw new LockRefusedException("cannot lock " + what + " in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        }
    }

    /**
     * The engine as the lock knows it: a unix socket by its real path, so that {@code unix:///var/run/docker.sock},
     * {@code unix:///run/docker.sock} (a link on most systems) and no DOCKER_HOST at all take one lock, not three
     * that let two commands change one project at once.
     */
    static String engineKey(String host) {
        if (!host.startsWith("unix://")) return host;
        try {
            return "unix://" + Path.of(host.substring("unix://".length())).toRealPath();
        } catch (IOException | RuntimeException e) {
            return host; // no socket there: the command fails at its first engine call anyway
        }
    }

    /**
     * Where the locks live: {@code $XDG_RUNTIME_DIR/jcompose}, else {@code jcompose-<uid>} in the temporary directory;
     * either is made 0700 when missing and refused when another user owns it or may write it ({@link LockFiles}).
     */
    public static Path directory(Map<String, String> env) {
        return LockFiles.directory(env, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // the lock was not taken: nothing to free
        }
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
