package dev.jcompose.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Compose stack for the tests of a class: up before all of them (images built or pulled when missing, then every
 * service running, healthy or completed as the file says), down with its volumes after all of them. On the class, the
 * stack is injected as a {@code ComposeStack} parameter; on a {@code static ComposeStack} field, into that field.
 * Each stack gets a project name of its own and ephemeral host ports, so classes of one file run in parallel.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
@ExtendWith(ComposeExtension.class)
public @interface Compose {
    /** The Compose files ({@code -f}), relative to the working directory (Maven: the module's folder). */
    String[] files();

    /** {@code --profile}s to enable. */
    String[] profiles() default {};

    /** {@code NAME=value} variables for interpolation, winning over the environment. */
    String[] env() default {};

    /** Ephemeral host ports instead of the file's (default); {@code ComposeStack.service(..).port(p)} says which. */
    boolean randomHostPorts() default true;

    /** How long {@code up} may wait for the services to be ready. */
    int waitTimeoutSeconds() default 300;

    /**
     * How long each container gets to stop when the stack goes down, in seconds, before the engine kills it: short,
     * since a test stack's data goes with it; -1 for each service's {@code stop_grace_period} (else 10 s).
     */
    int stopTimeoutSeconds() default 2;

    /** Waits beyond the file's healthchecks, for images that have none. */
    WaitFor[] waitFor() default {};

    /** How many log lines of each failed or unhealthy container a failure message carries. */
    int logLines() default 50;
}
