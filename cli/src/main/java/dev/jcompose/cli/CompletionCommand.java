package dev.jcompose.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose completion bash|zsh}: the shell completion script, written from the command model. */
@Command(name = "completion", description = "Print the shell completion script (bash or zsh)")
final class CompletionCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    @Override
    public Integer call() {
        Context ctx = root.context();
        // the whole command model: the root's spec has only the command that runs (Cli adds one command per run)
        var all = Cli.commandLine(ctx);
        switch (shell) {
            case "bash" -> ctx.out().print(CompletionScript.bash(all));
            case "zsh" -> ctx.out().print(CompletionScript.zsh(all));
            default -> {
                ctx.err().println("unsupported shell \"" + shell + "\": use bash or zsh");
                return ExitCodes.USAGE;
            }
        }
        return ExitCodes.OK;
    }
}
