package dev.jcompose.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for every command (the root also has {@code --version}). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
