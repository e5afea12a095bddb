package dev.jcompose.executor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams an image from one engine into another ({@code docker save | docker -H other load}) through a pipe: the
 * save runs on a thread of its own while the load reads, so an image of any size passes through a 1 MiB buffer and
 * never sits whole in memory.
 */
public final class ImageCopy {
    private static final int PIPE_BYTES = 1 << 20;

    private ImageCopy() {
    }

    /**
     * Copies {@code reference} from {@code source} to {@code target} and returns what the target says it loaded.
     * When either side fails the other is stopped and the failure (the save's first, as the load's is then only
     * its consequence) is an {@link EngineException} naming both engines.
     */
    public static List<String> copy(Engine source, String reference, Engine target) {
        AtomicReference<RuntimeException> saveFailure = new AtomicReference<>();
        PipedInputStream in = new PipedInputStream(PIPE_BYTES);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new EngineException("copy image " + reference + ": " + e.getMessage());
        }
        Thread saver = new Thread(() -> {
            try (out) {
                source.saveImage(reference, out);
            } catch (RuntimeException e) {
                saveFailure.set(e);
            } catch (IOException e) {
                saveFailure.set(new EngineException("save image " + reference + ": " + e.getMessage()));
            }
        }, "image-save " + reference);
        saver.setDaemon(true);
        saver.start();
        List<String> loaded;
        try {
            loaded = target.loadImage(in);
        } catch (RuntimeException e) {
            closeQuietly(in); // ends a saver still writing; then wait for it to say why
            joinQuietly(saver);
            throw failed(reference, source, target, saveFailure.get() != null ? saveFailure.get() : e);
        }
        // an engine may stop reading at the tar's end marker, before its padding: what is left is drained so that the
        // saver ends as it should and is not failed by a closed pipe
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the saver's side ended badly: its failure, recorded below, says why
        }
        joinQuietly(saver);
        if (saveFailure.get() != null) throw failed(reference, source, target, saveFailure.get());
        return loaded;
    }

    private static EngineException failed(String reference, Engine source, Engine target, RuntimeException cause) {
        if (cause instanceof EngineException e && e.getMessage().startsWith("copy image ")) return e;
        return new EngineException("copy image " + reference + " from " + source.info().host() + " to "
                + target.info().host() + ": " + cause.getMessage(), cause);
    }

    private static void closeQuietly(PipedInputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // a pipe's close does not fail
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
