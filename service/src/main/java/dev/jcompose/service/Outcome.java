package dev.jcompose.service;

import java.util.List;

/**
 * How a command that changes the engine ended.
 *
 * @param errors the distinct failure messages, in the order they came (several containers can fail for one reason)
 * @param notRun the steps not run because of the failure, as {@code verb resource}
 * @param done   how many steps completed
 */
public record Outcome(Status status, List<String> errors, List<String> notRun, int done) {
    public enum Status { OK, FAILED, INTERRUPTED }

    public static final Outcome OK = new Outcome(Status.OK, List.of(), List.of(), 0);

    public Outcome {
        errors = List.copyOf(errors);
        notRun = List.copyOf(notRun);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** The first error, for a one-line message; empty when none. */
    public String firstError() {
        return errors.isEmpty() ? "" : errors.get(0);
    }
}
