package dev.jcompose.executor.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.jcompose.executor.BuildFailedException;
import dev.jcompose.executor.EngineException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the classic builder's JSON stream: output lines go to the caller as they come, the last step and the last
 * lines are kept for the error, the image id is taken from the final {@code aux} record.
 */
final class BuildOutput extends ResultCallback.Adapter<BuildResponseItem> {
    private static final int TAIL = 15;

    private final Consumer<String> lines;
    private final Deque<String> tail = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String step;
    private volatile String error;
    private volatile String imageId;

    BuildOutput(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void onNext(BuildResponseItem item) {
        String id = item.getImageId(); // the aux record, or the classic "Successfully built" line
        if (id != null) imageId = id.startsWith("sha256:") || id.length() != 12 ? id : imageId == null ? id : imageId;
        if (item.getStream() != null) {
            partial.append(item.getStream());
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                String line = partial.substring(0, nl).stripTrailing();
                partial.delete(0, nl + 1);
                if (line.isEmpty()) continue;
                if (line.startsWith("Step ")) step = line;
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL) tail.removeFirst();
                }
                lines.accept(line);
            }
        }
        if (item.isErrorIndicated()) {
            error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage() : item.getError();
        }
    }

    /** The built image's id; a build that reported an error, or none, fails here. */
    String imageId(String image) {
        if (error != null) {
            List<String> last;
            synchronized (tail) {
                last = List.copyOf(tail);
            }
            String where = step == null ? "" : " at " + step;
            throw new BuildFailedException("failed to build " + image + where + ": " + error.strip(), step, last);
        }
        if (imageId == null) throw new EngineException("build of " + image + " ended without an image id");
        return imageId;
    }
}
