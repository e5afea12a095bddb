package dev.jcompose.cli;

/** The {@code jcompose} executable. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // docker-java logs through slf4j; only warnings reach the person, on stderr
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getenv().getOrDefault("JCOMPOSE_LOG_LEVEL", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.exit(Cli.run(args, Context.system()));
    }
}
