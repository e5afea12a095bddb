package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.LocalRegistry;
import dev.jcompose.executor.testing.OwnEngine;
import dev.jcompose.executor.testing.SingleNodeSwarm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small stacks on the single-node swarm: a service removed from the file is pruned with its network; a missing
 * image and an unsatisfiable constraint fail {@code --wait} within its timeout, naming the service and the reason;
 * an engine in no swarm is exit 4 with the hint; {@code --push} sends the content tag to the loopback registry and
 * the service runs it pinned to its digest.
 */
@Tag("engine")
@ExtendWith({SingleNodeSwarm.class, LocalRegistry.class})
class StackEngineTest {
    @TempDir
    Path dir;

    private static String docker(String... argv) throws Exception {
        return Docker.run(Stream.concat(Stream.of("docker"), Arrays.stream(argv)).toList());
    }

    private CliRunner cli() {
        return new CliRunner(dir, DockerJavaEngine::connect);
    }

    private static final String SLEEPER = "{image: jcompose/busybox:latest, command: [sleep, '3600'], stop_grace_period: 1s, deploy: {endpoint_mode: dnsrr}";

    @Test
    void aServiceRemovedFromTheFileIsPrunedWithItsNetwork(EngineProjects projects) throws Exception {
        String p = projects.create("prune");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: " + SLEEPER + "}\n  extra: " + SLEEPER + ", networks: [side]}\n"
                + "networks:\n  side: {}\n");
        CliRunner.Result first = cli().run("-p", p, "deploy", "--wait", "--wait-timeout", "60");
        assertEquals(0, first.exit(), first.toString());
        String label = "label=com.docker.stack.namespace=" + p;
        assertEquals(p + "_extra\n" + p + "_web", docker("service", "ls", "--filter", label, "--format", "{{.Name}}").lines().sorted()
                .reduce((a, b) -> a + "\n" + b).orElse(""));
        assertTrue(docker("network", "ls", "--filter", label, "--format", "{{.Name}}").contains(p + "_side"));

        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: " + SLEEPER + "}\n");
        CliRunner.Result kept = cli().run("-p", p, "deploy");
        assertEquals(0, kept.exit(), kept.toString());
        assertTrue(kept.err().contains(p + "_extra"), "without --prune the leftover is named: " + kept.err());
        assertTrue(docker("service", "ls", "--filter", label, "--format", "{{.Name}}").contains(p + "_extra"), "and kept");

        CliRunner.Result pruned = cli().run("-p", p, "deploy", "--prune", "--wait", "--wait-timeout", "60");
        assertEquals(0, pruned.exit(), pruned.toString());
        assertEquals(p + "_web", docker("service", "ls", "--filter", label, "--format", "{{.Name}}"));
        // the swarm has let it go; the node drops its copy once the removed service's task has stopped
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (docker("network", "ls", "--filter", label, "--format", "{{.Name}}").contains(p + "_side") && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertFalse(docker("network", "ls", "--filter", label, "--format", "{{.Name}}").contains(p + "_side"), "its network went too");
        assertTrue(docker("network", "ls", "--filter", label, "--format", "{{.Name}}").contains(p + "_default"), "the one web uses stays");
    }

    @Test
    void pushSendsTheContentTagToTheRegistryAndPinsItsDigest(EngineProjects projects) throws Exception {
        String p = projects.create("push");
        String repository = p + "/app";
        Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(dir.resolve("ctx/Dockerfile"), "FROM jcompose/busybox:latest\nCMD [\"sleep\", \"3600\"]\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    build: ./ctx\n    image: " + LocalRegistry.ADDRESS + "/" + repository
                + "\n    stop_grace_period: 1s\n    deploy: {endpoint_mode: dnsrr}\n");
        try {
            CliRunner.Result r = cli().run("-p", p, "deploy", "--push", "--wait", "--wait-timeout", "60");
            assertEquals(0, r.exit(), r.toString());
            List<String> tags = LocalRegistry.tags(repository);
            assertEquals(1, tags.size(), tags.toString());
            assertTrue(tags.get(0).matches("[0-9a-f]{12}"), "the content tag was pushed: " + tags);
            String image = docker("service", "inspect", "-f", "{{.Spec.TaskTemplate.ContainerSpec.Image}}", p + "_app");
            assertTrue(image.matches(Pattern.quote(LocalRegistry.ADDRESS + "/" + repository + ":" + tags.get(0)) + "@sha256:[0-9a-f]{64}"),
                    "the service runs the pushed tag pinned to its digest: " + image);
        } finally {
            LocalRegistry.delete(repository);
        }
    }

    @Test
    void aMissingImageFailsTheWaitNamingServiceAndReason(EngineProjects projects) throws Exception {
        String p = projects.create("noimage");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  ghost: {image: jcompose/no-such-image:missing, deploy: {endpoint_mode: dnsrr}}\n");
        long t0 = System.nanoTime();
        CliRunner.Result r = cli().run("-p", p, "deploy", "--wait", "--wait-timeout", "60", "--resolve-image", "never");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(seconds < 60, "ended within the timeout: " + seconds + " s");
        assertTrue(r.err().contains(p + "_ghost"), r.toString());
        assertTrue(r.err().toLowerCase().contains("no such image") || r.err().contains("pull access denied") || r.err().contains("not found"), r.toString());
    }

    @Test
    void anUnsatisfiableConstraintFailsTheWaitNamingServiceAndReason(EngineProjects projects) throws Exception {
        String p = projects.create("noplace");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  nowhere: " + SLEEPER.replace("deploy: {", "deploy: {placement: {constraints: [node.labels.jcompose-nowhere==1]}, ") + "}\n");
        long t0 = System.nanoTime();
        CliRunner.Result r = cli().run("-p", p, "deploy", "--wait", "--wait-timeout", "60");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals(ExitCodes.FAILED, r.exit(), r.toString());
        assertTrue(seconds < 60, "ended within the timeout: " + seconds + " s");
        assertTrue(r.err().contains(p + "_nowhere"), r.toString());
        assertTrue(r.err().contains("no suitable node"), r.toString());
    }

    @Test
    void anEngineInNoSwarmIsExit4WithTheHint() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: {image: jcompose/busybox:latest}\n");
        try (OwnEngine own = OwnEngine.launch(OwnEngine.Options.named("noswarm"))) {
            CliRunner cli = cli().env("DOCKER_HOST", own.host());
            CliRunner.Result r = cli.run("-p", "jct-noswarm", "deploy");
            assertEquals(ExitCodes.ENGINE_UNAVAILABLE, r.exit(), r.toString());
            assertTrue(r.err().contains("not a swarm manager") && r.err().contains("docker swarm init"), r.toString());
            // the commands that read a project stay compose's there: no stack, no error
            assertEquals(0, cli.run("-p", "jct-noswarm", "ps").exit());
        }
    }
}
