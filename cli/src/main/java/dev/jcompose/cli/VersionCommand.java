package dev.jcompose.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose version}: needs no engine, so it also measures the CLI's start-up. */
@Command(name = "version", description = "Show the jcompose version information")
final class VersionCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--short", description = "Shows only the version number")
    boolean shortForm;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "pretty (default) or json")
    String format = "pretty";

    @Override
    public Integer call() {
        Context ctx = root.context();
        if (!format.equals("pretty") && !format.equals("json")) {
            ctx.err().println("invalid value \"" + format + "\" for --format: expected pretty or json");
            return ExitCodes.USAGE;
        }
        // --short wins over --format, as in docker compose
        if (shortForm) ctx.out().println(version());
        else if (format.equals("json")) ctx.out().println("{\"version\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(version())) + "\"}");
        else ctx.out().println("jcompose version " + version());
        return ExitCodes.OK;
    }

    static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/jcompose-version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** For {@code jcompose --version}. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jcompose version " + version()};
        }
    }
}
