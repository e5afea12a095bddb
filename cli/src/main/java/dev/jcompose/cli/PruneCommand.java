package dev.jcompose.cli;

import dev.jcompose.executor.Engine;
import dev.jcompose.spec.ComposeException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose prune}: removes the project's dangling images, the ones each rebuild leaves behind when it takes
 * the name for the new image. Only images labelled with this project's name, never one a container still runs,
 * never another project's. (docker compose has no such command; {@code docker image prune} is engine-wide.)
 */
@Command(name = "prune", description = "Remove this project's dangling images (left behind by rebuilds)")
final class PruneCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--dry-run", description = "Print the plan and change nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        String name = root.projectName;
        try {
            name = root.load().project().name();
        } catch (ComposeException e) {
            if (name == null || !root.files.isEmpty()) throw e; // -p NAME alone works without a Compose file
        }
        try (Engine engine = root.connect()) {
            return root.events().exitCode(root.service(engine).prune(name, dryRun, root.events()));
        }
    }
}
