package dev.jcompose.service;

/**
 * The project lock could not be taken safely: its directory or file belongs to another user, others may write it, a
 * symbolic link stands in its place, or it cannot be made. The message names the path and what to do; nothing on
 * the engine has been changed.
 */
public final class LockRefusedException extends RuntimeException {
    public LockRefusedException(String message) {
        super(message);
    }

    public LockRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
