package dev.jcompose.cli;

/**
 * jcompose's exit codes. docker compose exits 1 for nearly every error; jcompose keeps 1 for "the engine work
 * failed" and names the other causes so that scripts and CI can tell them apart.
 */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** An engine call failed while carrying out a plan. */
    public static final int FAILED = 1;
    /** The command line is wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** The Compose files do not make a valid project (syntax, unknown keys, cycles, missing externals). */
    public static final int INVALID_PROJECT = 3;
    /** No engine answers. */
    public static final int ENGINE_UNAVAILABLE = 4;
    /** Stopped by Ctrl-C. */
    public static final int INTERRUPTED = 130;
}
