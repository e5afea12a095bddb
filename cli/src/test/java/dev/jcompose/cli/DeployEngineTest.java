package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineProjects;
import dev.jcompose.executor.testing.SingleNodeSwarm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prod sample deployed to the single-node swarm of the engine scripts/engine.sh starts, as the README runs it
 * ({@code deploy --wait}), and looked at from outside with the docker CLI: configs, secrets, the health gates, the
 * migration job and the .env value in the container; a second deploy that makes no update call (each service's
 * Version.Index unchanged); a changed config file that rolls only its service and prunes the old config; the stack
 * forms of ps, ls and logs, and {@code docker stack ps}; {@code down --wait}, which leaves nothing labelled but the
 * volume, and a redeploy right after it.
 */
@Tag("engine")
@ExtendWith(SingleNodeSwarm.class)
class DeployEngineTest {
    @TempDir
    Path dir;

    private static String docker(String... argv) throws Exception {
        return Docker.run(Stream.concat(Stream.of("docker"), Arrays.stream(argv)).toList());
    }

    /** Each service of the stack and its Version.Index, as the engine reports them. */
    private static Map<String, Long> versions(String namespace) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        String ls = docker("service", "ls", "--filter", "label=com.docker.stack.namespace=" + namespace, "--format", "{{.Name}}");
        for (String name : ls.lines().filter(l -> !l.isBlank()).toList()) {
            out.put(name, Long.parseLong(docker("service", "inspect", "-f", "{{.Version.Index}}", name)));
        }
        return out;
    }

    /** The running task container of a service on this engine. */
    private static String container(String service) throws Exception {
        String id = docker("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + service, "--filter", "status=running");
        assertFalse(id.isBlank(), "a running task container of " + service);
        return id.lines().findFirst().orElseThrow();
    }

    @Test
    void theProdSampleDeploysConvergesAndComesDown(EngineProjects projects) throws Exception {
        SamplesEngineTest.copy(SamplesEngineTest.SAMPLES, dir);
        Process secrets = new ProcessBuilder(dir.resolve("prod/make-secrets.sh").toString()).inheritIO().start();
        assertEquals(0, secrets.waitFor());
        String password = Files.readString(dir.resolve("prod/secrets/redis_password.txt")).strip();
        String p = projects.create("deploy");
        int proxy = Http.freePort();
        CliRunner cli = new CliRunner(dir, DockerJavaEngine::connect).env("PROXY_PORT", String.valueOf(proxy));
        String[] prod = {"-p", p, "-f", "compose.yaml", "-f", "compose.prod.yaml"};
        try {
            deployConvergeAndComeDown(cli, prod, p, password, proxy);
        } finally {
            // the stack's volume carries the stack's label only, which the fixture's clean-up does not look for
            new ProcessBuilder("docker", "volume", "rm", "-f", p + "_redis-data").start().waitFor();
        }
    }

    private void deployConvergeAndComeDown(CliRunner cli, String[] prod, String p, String password, int proxy) throws Exception {
        long t0 = System.nanoTime();
        CliRunner.Result deploy = cli.run(args(prod, "deploy", "--wait", "--wait-timeout", "240"));
        long deployMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, deploy.exit(), deploy.toString());
        System.out.println("deploy --wait of the prod sample: " + deployMillis + " ms");

        // the health gates held: the app answers through the proxy, with Redis behind it, the job done
        assertTrue(Http.get(proxy, "/").startsWith("hello from the prod sample"), "served through the proxy (host-mode port)");
        assertEquals("201 note 1 kept\n", Http.post(proxy, "/notes", "on the swarm"));
        String redis = container(p + "_redis");
        assertEquals("2", docker("exec", "-e", "REDISCLI_AUTH=" + password, redis, "redis-cli", "GET", "schema:version"),
                "the migration job ran");
        assertTrue(docker("service", "ps", p + "_migrate", "--format", "{{.CurrentState}}").startsWith("Complete"), "the job completed");
        String app = container(p + "_app");
        String env = docker("inspect", "-f", "{{json .Config.Env}} {{json .Args}}", app);
        assertTrue(env.contains("\"APP_RELEASE=2026.12-sample\""), "the .env value reached the app: " + env);
        assertFalse(env.contains(password), "no password in the app's environment or arguments");
        assertEquals(password, docker("exec", app, "cat", "/run/secrets/redis_password"), "the secret is a file");
        assertEquals(Files.readString(dir.resolve("prod/proxy/nginx.conf")).strip(),
                docker("exec", container(p + "_proxy"), "cat", "/etc/nginx/jcompose-proxy.conf"), "the config is where nginx reads it");
        String images = docker("service", "inspect", "-f", "{{.Spec.TaskTemplate.ContainerSpec.Image}}", p + "_app");
        assertTrue(images.matches(p + "-app:[0-9a-f]{12}(@sha256:[0-9a-f]{64})?"), "the built image by its content tag: " + images);

        // docker stack sees jcompose's stack, and jcompose's stack forms list it
        String stackPs = docker("stack", "ps", p, "--format", "{{.Name}} {{.CurrentState}}");
        for (String s : List.of("app", "redis", "proxy")) assertTrue(stackPs.contains(p + "_" + s + ".1 "), stackPs);
        // a job's task has no slot: docker names it by its node
        assertTrue(stackPs.lines().anyMatch(l -> l.startsWith(p + "_migrate.") && l.contains(" Complete")), stackPs);
        CliRunner.Result ps = cli.run(args(prod, "ps"));
        assertEquals(0, ps.exit(), ps.toString());
        assertTrue(ps.out().startsWith("ID "), ps.out());
        for (String s : List.of("app", "redis", "proxy")) assertTrue(ps.out().contains(p + "_" + s + ".1 "), ps.out());
        assertFalse(ps.out().contains(p + "_migrate."), "a completed job shows with -a only: " + ps.out());
        CliRunner.Result psAll = cli.run(args(prod, "ps", "-a"));
        assertTrue(psAll.out().lines().anyMatch(l -> l.contains(p + "_migrate.") && l.contains("Complete")), psAll.out());
        assertEquals("app\nproxy\nredis\n", cli.run(args(prod, "ps", "--services")).out());
        CliRunner.Result ls = cli.run("ls", "--filter", "name=" + p);
        assertTrue(ls.out().contains(p + " ") && ls.out().contains("running(3)"), ls.toString());
        CliRunner.Result logs = cli.run(args(prod, "logs", "proxy"));
        assertEquals(0, logs.exit(), logs.toString());
        assertTrue(logs.out().lines().anyMatch(l -> l.startsWith("proxy.1@") && l.contains("POST /notes")), logs.toString());

        // again, unchanged: no update call
        Map<String, Long> before = versions(p);
        assertEquals(4, before.size(), before.toString());
        long t1 = System.nanoTime();
        CliRunner.Result again = cli.run(args(prod, "deploy", "--wait", "--wait-timeout", "120"));
        long againMillis = (System.nanoTime() - t1) / 1_000_000;
        assertEquals(0, again.exit(), again.toString());
        assertEquals(before, versions(p), "a deploy of the same files updates nothing");
        System.out.println("no-op deploy --wait of the prod sample: " + againMillis + " ms");

        // a changed config file: a new config object, the proxy rolled, the others untouched, the old config pruned
        String configsBefore = docker("config", "ls", "--filter", "label=com.docker.stack.namespace=" + p, "--format", "{{.Name}}");
        Files.writeString(dir.resolve("prod/proxy/nginx.conf"), Files.readString(dir.resolve("prod/proxy/nginx.conf")) + "# changed\n");
        CliRunner.Result changed = cli.run(args(prod, "deploy", "--wait", "--wait-timeout", "120"));
        assertEquals(0, changed.exit(), changed.toString());
        Map<String, Long> after = versions(p);
        for (String s : before.keySet()) {
            if (s.equals(p + "_proxy")) assertNotEquals(before.get(s), after.get(s), "the proxy was updated");
            else assertEquals(before.get(s), after.get(s), s + " was not touched");
        }
        String configsAfter = docker("config", "ls", "--filter", "label=com.docker.stack.namespace=" + p, "--format", "{{.Name}}");
        assertEquals(1, configsAfter.lines().count(), "the superseded config went: " + configsAfter);
        assertNotEquals(configsBefore, configsAfter);
        assertTrue(docker("exec", container(p + "_proxy"), "cat", "/etc/nginx/jcompose-proxy.conf").endsWith("# changed"));
        assertTrue(Http.get(proxy, "/notes").contains("on the swarm"), "the data survived the roll");

        // down --wait: nothing labelled is left but the volume; a redeploy right after works
        CliRunner.Result down = cli.run(args(prod, "down", "--wait", "--wait-timeout", "120"));
        assertEquals(0, down.exit(), down.toString());
        String label = "label=com.docker.stack.namespace=" + p;
        assertEquals("", docker("service", "ls", "-q", "--filter", label));
        assertEquals("", docker("network", "ls", "-q", "--filter", label));
        assertEquals("", docker("config", "ls", "-q", "--filter", label));
        assertEquals("", docker("secret", "ls", "-q", "--filter", label));
        assertEquals("", docker("ps", "-aq", "--filter", label));
        assertEquals(p + "_redis-data", docker("volume", "ls", "-q", "--filter", "name=" + p + "_redis-data"), "the volume is kept");
        CliRunner.Result redeploy = cli.run(args(prod, "deploy", "--wait", "--wait-timeout", "240"));
        assertEquals(0, redeploy.exit(), redeploy.toString());
        assertTrue(Http.get(proxy, "/notes").contains("on the swarm"), "the kept volume kept the notes");
        CliRunner.Result downV = cli.run(args(prod, "down", "-v"));
        assertEquals(0, downV.exit(), downV.toString());
        assertEquals("", docker("volume", "ls", "-q", "--filter", "name=" + p + "_redis-data"), "-v removes the volume");
    }

    private static String[] args(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }
}
