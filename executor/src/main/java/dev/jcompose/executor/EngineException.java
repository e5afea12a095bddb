package dev.jcompose.executor;

/** The engine refused or failed a call; the message is the engine's, made readable. */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
