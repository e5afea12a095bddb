package dev.jcompose.planner;

/**
 * The services asked for cannot all exist at once (two of them claim one container name). Unlike a
 * {@link PlanException} the files are not wrong: running the services separately works, so the CLI exits 1 as
 * docker compose does.
 */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
