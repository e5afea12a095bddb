package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.swarm.SwarmOptions.ResolveImage;
import dev.jcompose.service.swarm.DeployRequest;
import dev.jcompose.service.swarm.Distribution;
import dev.jcompose.service.swarm.StackWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code deploy}'s options made into a {@link DeployRequest}, and the wrong ones refused with exit 2, without an engine. */
class DeployCommandTest {
    @TempDir
    Path dir;

    private static DeployRequest request(String... args) {
        // the command object picocli filled in (only cli's main code names picocli's types)
        var parsed = Cli.commandLine(Context.system()).parseArgs(args);
        DeployCommand deploy = (DeployCommand) parsed.subcommand().commandSpec().userObject();
        return deploy.request();
    }

    @Test
    void withoutOptionsItIsDockerStackDeploysDefaults() {
        assertEquals(DeployRequest.defaults(), request("deploy"));
    }

    @Test
    void everyOptionReachesTheRequest() {
        DeployRequest r = request("-f", "a.yaml", "deploy", "--wait", "--wait-timeout", "90", "--prune", "--dry-run",
                "--resolve-image", "never", "--node-host", "n2=tcp://10.0.0.2:2375", "--node-host=n1=unix:///run/n1.sock");
        TreeMap<String, String> hosts = new TreeMap<>();
        hosts.put("n1", "unix:///run/n1.sock");
        hosts.put("n2", "tcp://10.0.0.2:2375");
        assertEquals(new DeployRequest(List.of(), DeployRequest.Prune.REMOVE, ResolveImage.NEVER,
                new Distribution.Stream(hosts), StackWait.upTo(90), true), r);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --remove-orphans        | REMOVE
            --prune                 | REMOVE
            --wait                  | KEEP
            """)
    void removeOrphansIsPrune(String flag, DeployRequest.Prune prune) {
        assertEquals(prune, request("deploy", flag).prune());
    }

    @Test
    void theResolveImageValuesAreDockersInAnyCase() {
        assertEquals(ResolveImage.CHANGED, request("deploy", "--resolve-image", "changed").resolveImage());
        assertEquals(ResolveImage.ALWAYS, request("deploy", "--resolve-image", "ALWAYS").resolveImage());
    }

    @Test
    void pushAndServicesAndAWaitWithoutTimeout() {
        DeployRequest r = request("deploy", "--push", "--wait", "app", "proxy");
        assertEquals(new Distribution.Push(), r.distribution());
        assertEquals(List.of("app", "proxy"), r.services());
        assertEquals(new StackWait(true, 0), r.convergence());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --node-host n1                                | invalid --node-host "n1": expected NODE=DOCKER_HOST
            --node-host =tcp://x:1                        | invalid --node-host "=tcp://x:1"
            --node-host n1=                               | invalid --node-host "n1="
            --node-host n1=a --node-host n1=b             | --node-host names node n1 twice
            --push --node-host n1=tcp://x:1               | --push and --node-host are incompatible
            --prune app                                   | --prune needs the whole project
            --wait-timeout 5                              | --wait-timeout needs --wait
            --wait --wait-timeout -1                      | --wait-timeout cannot be negative
            """)
    void wrongCombinationsExit2BeforeAnyEngineCall(String args, String message) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app: {image: busybox}\n");
        CliRunner cli = new CliRunner(dir, env -> { throw new AssertionError("no engine for a usage error"); });
        String[] words = ("deploy " + args).split(" ");
        CliRunner.Result r = cli.run(words);
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains(message), r.toString());
    }

    @Test
    void anUnknownResolveImageValueIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app: {image: busybox}\n");
        CliRunner.Result r = new CliRunner(dir, env -> { throw new AssertionError("no engine"); }).run("deploy", "--resolve-image", "sometimes");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("--resolve-image"), r.toString());
        assertTrue(r.err().contains("never, changed, always") || r.err().contains("NEVER, CHANGED, ALWAYS"), r.toString());
    }
}
