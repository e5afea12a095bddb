package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineFactory;
import dev.jcompose.executor.testing.ForwardingEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the CLI in-process with captured streams, a given directory, environment and engine. */
final class CliRunner {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private final EngineFactory engines;
    private final AtomicInteger connections = new AtomicInteger();

    CliRunner(Path cwd, EngineFactory engines) {
        this.cwd = cwd;
        this.engines = engines;
    }

    /** Every connection goes to this one engine, which stays open across commands. */
    static CliRunner withEngine(Path cwd, Engine engine) {
        // the CLI closes what it connects; the shared engine must outlive one command
        return new CliRunner(cwd, env -> new ForwardingEngine(engine) {
            @Override
            public void close() { }
        });
    }

    private Interrupts interrupts = handler -> () -> { };

    /** Ctrl-C as the test presses it. */
    CliRunner interrupts(Interrupts interrupts) {
        this.interrupts = interrupts;
        return this;
    }

    private String input = "";

    /** What the command reads on its standard input (nothing by default; never a terminal). */
    CliRunner input(String text) {
        this.input = text;
        return this;
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** How many times a command asked for an engine connection. */
    int connections() {
        return connections.get();
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Context ctx = new Context(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.copyOf(env), cwd, e -> {
                    connections.incrementAndGet();
                    return engines.connect(e);
                }, Clock.fixed(Instant.ofEpochSecond(1_700_000_100L), ZoneOffset.UTC), interrupts,
                new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), false);
        int exit = Cli.run(args, ctx);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
