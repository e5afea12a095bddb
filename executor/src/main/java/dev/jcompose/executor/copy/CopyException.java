package dev.jcompose.executor.copy;

/** A copy that cannot be made as asked (a folder onto a file, a missing source...), in docker cp's words. */
public final class CopyException extends RuntimeException {
    public CopyException(String message) {
        super(message);
    }
}
