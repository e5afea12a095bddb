package dev.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.Map;

/**
 * cp's progress on stderr in the mode the command runs with ({@code --progress}): docker compose's two events per
 * container, {@code Copying} then {@code Copied}, with what goes where; as plain lines (the live view too: a copy has
 * nothing to redraw), as docker compose's JSON objects, or nothing with {@code quiet}.
 */
final class CopyProgress {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream err;
    private final ProgressMode mode;

    CopyProgress(PrintStream err, ProgressMode mode) {
        this.err = err;
        this.mode = mode;
    }

    void copying(String container, String what) {
        print(container, "Working", "Copying", what);
    }

    void copied(String container, String what) {
        print(container, "Done", "Copied", what);
    }

    void failed(String container, String message) {
        print(container, "Error", "Error", message);
    }

    private void print(String container, String status, String text, String details) {
        String resource = "Container " + container;
        switch (mode) {
            case QUIET -> { }
            case JSON -> {
                Map<String, Object> m = JsonProgress.message(resource, status, text, details);
                try {
                    err.println(JSON.writeValueAsString(m));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a progress event that cannot be written as JSON: " + m, e);
                }
            }
            default -> err.println(" " + resource + "  " + (text.equals("Error") ? "Error: " : text + " ") + details);
        }
    }
}
