package dev.jcompose.cli;

/** The {@code jcompose} executable. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // docker-java logs through slf4j; only warnings reach the person, on stderr
        String level = System.getenv("JCOMPOSE_LOG_LEVEL");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level != null ? level : "warn");
        // docker-java logs failed calls itself; jcompose reports them with the engine's message, so once is enough
        if (level == null) System.setProperty("org.slf4j.simpleLogger.log.com.github.dockerjava", "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.exit(Cli.run(args, Context.system()));
    }
}
