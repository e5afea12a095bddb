package dev.jcompose.executor;

/**
 * A build the engine ran and a step of which failed: the message names the step and gives the builder's error
 * (the command's exit code, a missing file...), and the last lines of output come with it.
 */
public final class BuildFailedException extends EngineException {
    private final String step;
    private final java.util.List<String> outputTail;

    public BuildFailedException(String message, String step, java.util.List<String> outputTail) {
        super(message);
        this.step = step;
        this.outputTail = java.util.List.copyOf(outputTail);
    }

    /** The step that failed ({@code Step 3/5 : RUN make}), or null when the build failed before any step. */
    public String step() {
        return step;
    }

    /** The last lines the builder printed before it failed. */
    public java.util.List<String> outputTail() {
        return outputTail;
    }
}
