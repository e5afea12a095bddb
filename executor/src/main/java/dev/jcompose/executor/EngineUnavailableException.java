package dev.jcompose.executor;

/** No engine answers where one was expected. */
public class EngineUnavailableException extends EngineException {
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
