package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher script keeps lists of its own (bash cannot ask the CLI cheaply): the options that take a value, so it
 * finds the command word, and the commands that need the engine. They must be the CLI's.
 */
class LauncherListsTest {
    static final Path LAUNCHER = DependencyRuleTest.REPO.resolve("jcompose");
    /** The installed launcher of the distribution: the same two lists. */
    static final Path INSTALLED = DependencyRuleTest.REPO.resolve("dist/src/main/dist/bin/jcompose");

    private static String script() throws IOException {
        return Files.readString(LAUNCHER);
    }

    /** The words of the case pattern that ends with {@code suffix} on the same line. */
    private static Set<String> casePattern(String script, String suffix) {
        Matcher m = Pattern.compile("(?m)^\\s*([a-z|-]+)\\)\\s*" + Pattern.quote(suffix)).matcher(script);
        assertTrue(m.find(), "the launcher has a case line ending in " + suffix);
        return new TreeSet<>(Arrays.asList(m.group(1).split("\\|")));
    }

    @Test
    void theOptionsThatTakeAValueAreTheCLIs() throws IOException {
        assertEquals(new TreeSet<>(Cli.VALUED_GLOBAL_OPTIONS), casePattern(script(), "expect_value=1"));
        assertEquals(new TreeSet<>(Cli.VALUED_GLOBAL_OPTIONS), casePattern(Files.readString(INSTALLED), "expect_value=1"));
    }

    @Test
    void theCommandsThatNeedTheEngineAreTheCLIs() throws IOException {
        Set<String> archived = casePattern(script(), "kind=engine");
        var spec = Cli.commandLine(Context.system()).getSubcommands();
        Set<String> engine = new TreeSet<>();
        for (String name : spec.keySet()) if (Cli.needsEngine(name)) engine.add(name);
        assertEquals(engine, archived, "the engine archive's commands");
        assertEquals(engine, casePattern(Files.readString(INSTALLED), "kind=engine"), "the installed launcher's engine archive");
        Set<String> setUp = new TreeSet<>(casePattern(script(), "\"$here/scripts/engine.sh\" && \"$here/scripts/base-images.sh\" ;;"));
        setUp.addAll(casePattern(script(), "\"$here/scripts/engine.sh\" ;;"));
        assertEquals(engine, setUp, "the commands the launcher starts an engine for");
    }
}
