package dev.jcompose.spec.interpolation;

/** A template that cannot be substituted: bad syntax, or a required variable with no value. */
public class InterpolationException extends Exception {
    public InterpolationException(String message) {
        super(message);
    }
}
