package dev.jcompose.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One wait of {@link Compose#waitFor()}: exactly one of {@link #listening()}, {@link #http()} (with {@link #port()})
 * or {@link #log()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface WaitFor {
    String service();

    /** The container listens on this TCP port. */
    int listening() default 0;

    /** {@code GET} of this path on {@link #port()} answers {@link #status()}. */
    String http() default "";

    /** The container port of {@link #http()}. */
    int port() default 0;

    int status() default 200;

    /** A line of the container's log matches this regular expression. */
    String log() default "";
}
