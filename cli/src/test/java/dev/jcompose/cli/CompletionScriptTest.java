package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bash completion script, run by bash itself: each line of a command line being typed (a final {@code %} is the
 * cursor on a new word), and what TAB offers. The
 * project's services and profiles come from a stand-in {@code jcompose} function, which also records the options it
 * was given (the -f of the line must reach {@code config}).
 */
class CompletionScriptTest {
    @TempDir
    static Path dir;
    static Path script;

    @BeforeAll
    static void writeTheScript() throws IOException {
        script = dir.resolve("jcompose.bash");
        Files.writeString(script, CompletionScript.bash(Cli.commandLine(Context.system())));
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("compose.yaml"), "");
    }

    private static String complete(String line) throws Exception {
        // a line ending in " %" has its cursor on a new, empty word (CSV drops trailing spaces)
        String words = line.endsWith(" %") ? line.substring(0, line.length() - 1) + "''" : line;
        String program = "jcompose() { echo \"$*\" > " + dir.resolve("called") + "; case \"$*\" in *'config --services'*) printf 'web\\ndb\\n';; "
                + "*'config --profiles'*) printf 'debug\\nprod\\n';; esac; }\n"
                + "source " + script + "\n"
                + "COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "cd " + dir + "; _jcompose; printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '\n";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jcompose u                      | unpause up
            jcompose --pro                  | --profile --progress --project-directory --project-name
            jcompose --progress j           | json
            jcompose --ansi n               | never
            jcompose --profile %            | debug prod
            jcompose up --force             | --force-recreate
            jcompose up %                   | db web
            jcompose up web %               | db web
            jcompose -f compose.yaml up w   | web
            jcompose exec %                 | db web
            jcompose exec web com           | compose.yaml
            jcompose down %                 |
            jcompose deploy --res           | --resolve-image
            jcompose deploy --resolve-image c | changed
            jcompose deploy --resolve-image % | always changed never
            jcompose ls --format j          | json
            jcompose --project-directory s  | sub
            jcompose -f comp                | compose.yaml
            """)
    void tabOffersWhatTheCommandModelHas(String line, String expected) throws Exception {
        assertEquals(expected == null ? "" : expected, complete(line));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            jcompose -f a.yaml -p demo up        | -f a.yaml -p demo config --services
            jcompose --progress json -f a.yaml up | -f a.yaml config --services
            """)
    void theProjectOptionsOfTheLineReachConfig(String line, String called) throws Exception {
        complete(line + " %");
        assertEquals(called, Files.readString(dir.resolve("called")).strip());
    }
}
