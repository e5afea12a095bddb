package dev.jcompose.cli;

import dev.jcompose.executor.EngineFactory;
import dev.jcompose.executor.docker.DockerJavaEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch of the world: its streams, the environment, the directory it runs in, the way to the
 * engine, the clock, Ctrl-C, the standard input and whether a terminal is attached. Tests give their own.
 */
public record Context(PrintStream out, PrintStream err, Map<String, String> env, Path cwd, EngineFactory engines, Clock clock,
                      Interrupts interrupts, java.io.InputStream in, boolean terminal) {
    public static Context system() {
        return new Context(System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
                DockerJavaEngine::connect, Clock.systemUTC(), Interrupts.system(), System.in, System.console() != null);
    }
}
