package dev.jcompose.cli;

/** The {@code jcompose} executable. */
public final class Main {
    /** Where docker-java's zerodep transport keeps Apache HttpClient 5's loggers (shaded with it). */
    private static final String HTTP_LOGS = "com.github.dockerjava.zerodep.shaded.org.apache.hc.client5.http";

    private Main() {}

    public static void main(String[] args) {
        // docker-java logs through slf4j; only warnings reach the person, on stderr
        String level = System.getenv("JCOMPOSE_LOG_LEVEL");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level != null ? level : "warn");
        // docker-java logs failed calls itself; jcompose reports them with the engine's message, so once is enough
        if (level == null) System.setProperty("org.slf4j.simpleLogger.log.com.github.dockerjava", "off");
        // at any level: the HTTP client's wire log prints request bodies (the content of a secret copied into a
        // container) and its header log the headers (a registry's credentials in X-Registry-Auth)
        for (String log : new String[] {"wire", "headers"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + HTTP_LOGS + "." + log, "off");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.exit(Cli.run(args, Context.system()));
    }
}
