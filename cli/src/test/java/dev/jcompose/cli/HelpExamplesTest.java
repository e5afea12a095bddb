package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's --help ends with an example, and every example is a command line jcompose accepts. */
class HelpExamplesTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandHasAnExampleInItsHelp() throws Exception {
        Set<String> commands = new TreeSet<>(Cli.commandLine(Context.system()).getSubcommands().keySet());
        Set<String> missing = new TreeSet<>(commands);
        missing.removeAll(HelpExamples.EXAMPLES.keySet());
        assertEquals(Set.of(), missing, "commands without an example");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: {image: busybox}\n");
        for (String command : commands) {
            CliRunner.Result help = new CliRunner(dir, env -> { throw new AssertionError("help needs no engine"); }).run(command, "--help");
            assertEquals(0, help.exit(), command + ": " + help);
            assertTrue(help.out().contains("Example:\n  " + HelpExamples.EXAMPLES.get(command)), command + " --help:\n" + help.out());
        }
    }

    @Test
    void everyExampleParses() {
        for (var e : HelpExamples.EXAMPLES.entrySet()) {
            if (!Cli.commandLine(Context.system()).getSubcommands().containsKey(e.getKey())) continue; // a command still to come
            if (e.getValue().startsWith("source ")) continue; // a shell line around the command
            List<String> words = List.of(e.getValue().replace("'echo hello'", "echo-hello").split(" "));
            var cmd = Cli.commandLine(Context.system());
            cmd.parseArgs(words.subList(1, words.size()).toArray(String[]::new)); // throws on an unknown option
        }
    }
}
