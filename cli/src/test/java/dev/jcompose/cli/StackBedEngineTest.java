package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.executor.docker.DockerJavaEngine;
import dev.jcompose.executor.testing.EngineApi;
import dev.jcompose.executor.testing.RealEngine;
import dev.jcompose.executor.testing.SwarmBed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy on the multi-node bed (three dockerds in network namespaces, one manager): {@code global} gives one task per
 * node; an image built on the manager reaches the node its task is placed on only with {@code --node-host}; an
 * {@code update_config.order: start-first} update starts the new task before it stops the old one. One bed for the
 * class; its teardown takes every stack with it.
 */
@Tag("engine")
@ExtendWith(RealEngine.class)
class StackBedEngineTest {
    private static SwarmBed bed;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBed() {
        bed = SwarmBed.start(3);
        bed.loadImage(RealEngine.BASE_IMAGE);
    }

    @AfterAll
    static void tearDown() {
        if (bed != null) bed.close();
    }

    private CliRunner cli() {
        return new CliRunner(dir, DockerJavaEngine::connect).env("DOCKER_HOST", bed.env().get("DOCKER_HOST"));
    }

    private static List<JsonNode> tasks(String service) {
        String filter = URLEncoder.encode("{\"service\":[\"" + service + "\"]}", StandardCharsets.UTF_8);
        List<JsonNode> out = new ArrayList<>();
        bed.manager().api().expect("GET", "/tasks?filters=" + filter, null).forEach(out::add);
        return out;
    }

    private static final String SLEEPER = "image: jcompose/busybox:latest\n    command: [sleep, '3600']\n    stop_grace_period: 1s\n";

    /** The prod sample on three nodes, its built images streamed to the workers: deploy and no-op redeploy times. */
    @Test
    void theProdSampleDeploysAcrossTheNodesAndAgainChangesNothing() throws Exception {
        SamplesEngineTest.copy(SamplesEngineTest.SAMPLES, dir);
        assertEquals(0, new ProcessBuilder(dir.resolve("prod/make-secrets.sh").toString()).inheritIO().start().waitFor());
        bed.loadImage("jcompose/debian:bookworm");
        List<String> prod = new ArrayList<>(List.of("-p", "bedprod", "-f", "compose.yaml", "-f", "compose.prod.yaml", "deploy", "--wait", "--wait-timeout", "240"));
        for (SwarmBed.Node n : bed.workers()) prod.addAll(List.of("--node-host", n.name() + "=" + n.env().get("DOCKER_HOST")));
        CliRunner cli = cli().env("PROXY_PORT", "18088");
        long t0 = System.nanoTime();
        CliRunner.Result first = cli.run(prod.toArray(String[]::new));
        long firstMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, first.exit(), first.toString());
        String before = bed.manager().api().expect("GET", "/services", null).toString().replaceAll("\"UpdatedAt\":\"[^\"]*\"", "");
        long t1 = System.nanoTime();
        CliRunner.Result again = cli.run(prod.toArray(String[]::new));
        long againMillis = (System.nanoTime() - t1) / 1_000_000;
        assertEquals(0, again.exit(), again.toString());
        assertEquals(before, bed.manager().api().expect("GET", "/services", null).toString().replaceAll("\"UpdatedAt\":\"[^\"]*\"", ""),
                "no service changed (versions included)");
        System.out.println("deploy --wait of the prod sample on the three-node bed: " + firstMillis + " ms; no-op deploy --wait: " + againMillis + " ms");
        assertEquals(0, cli().run("-p", "bedprod", "down", "--wait").exit());
    }

    @Test
    void globalGivesOneTaskPerNode() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  every:\n    " + SLEEPER + "    deploy: {mode: global, endpoint_mode: dnsrr}\n");
        long t0 = System.nanoTime();
        CliRunner.Result r = cli().run("-p", "bedglobal", "deploy", "--wait", "--wait-timeout", "90");
        assertEquals(0, r.exit(), r.toString());
        System.out.println("deploy --wait of a global service on the three-node bed: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        Set<String> nodes = new TreeSet<>();
        for (JsonNode t : tasks("bedglobal_every")) if (t.at("/Status/State").asText().equals("running")) nodes.add(t.get("NodeID").asText());
        Set<String> all = new TreeSet<>();
        for (SwarmBed.Node n : bed.nodes()) all.add(n.id());
        assertEquals(all, nodes, "one running task on each node");
        CliRunner.Result ps = cli().run("-p", "bedglobal", "ps");
        assertEquals(3, ps.out().lines().filter(l -> l.contains("bedglobal_every.")).count(), ps.out());
        assertEquals(0, cli().run("-p", "bedglobal", "down", "--wait").exit());
    }

    @Test
    void aBuiltImageReachesTheNodeThatRunsItWithNodeHost() throws Exception {
        SwarmBed.Node target = bed.workers().get(1);
        Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(dir.resolve("ctx/Dockerfile"), "FROM jcompose/busybox:latest\nCMD [\"sleep\", \"3600\"]\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  built:\n    build: ./ctx\n    stop_grace_period: 1s\n"
                + "    deploy:\n      endpoint_mode: dnsrr\n      placement: {constraints: [node.labels." + SwarmBed.NODE_LABEL + "==" + target.name() + "]}\n");
        // without it the image is on the manager only: the task placed on the worker finds none
        CliRunner.Result without = cli().run("-p", "bedbuilt", "deploy", "--wait", "--wait-timeout", "60", "--resolve-image", "never");
        assertEquals(ExitCodes.FAILED, without.exit(), without.toString());
        assertTrue(without.err().contains("on this engine only"), "the warning says why: " + without.err());
        assertTrue(without.err().contains("bedbuilt_built") && without.err().toLowerCase().contains("no such image"), without.toString());

        CliRunner.Result with = cli().run("-p", "bedbuilt", "deploy", "--wait", "--wait-timeout", "60", "--resolve-image", "never",
                "--node-host", target.name() + "=" + target.env().get("DOCKER_HOST"));
        assertEquals(0, with.exit(), with.toString());
        boolean running = tasks("bedbuilt_built").stream().anyMatch(t -> t.at("/Status/State").asText().equals("running")
                && t.get("NodeID").asText().equals(target.id()));
        assertTrue(running, "the task runs on " + target.name());
        assertEquals(0, cli().run("-p", "bedbuilt", "down", "--wait").exit());
    }

    @Test
    void startFirstStartsTheNewTaskBeforeItStopsTheOld() throws Exception {
        String file = "services:\n  web:\n    " + SLEEPER + "    environment: {V: '%s'}\n"
                + "    deploy: {endpoint_mode: dnsrr, update_config: {order: start-first}}\n";
        Files.writeString(dir.resolve("compose.yaml"), String.format(file, "1"));
        assertEquals(0, cli().run("-p", "bedorder", "deploy", "--wait", "--wait-timeout", "60").exit());
        Files.writeString(dir.resolve("compose.yaml"), String.format(file, "2"));
        CliRunner.Result update = cli().run("-p", "bedorder", "deploy", "--wait", "--wait-timeout", "60");
        assertEquals(0, update.exit(), update.toString());
        List<JsonNode> tasks = tasks("bedorder_web");
        JsonNode fresh = tasks.stream().filter(t -> t.at("/Status/State").asText().equals("running")).findFirst().orElseThrow();
        JsonNode old = tasks.stream().filter(t -> !t.get("ID").equals(fresh.get("ID"))).findFirst().orElseThrow();
        // the new task ran before the old one was told to stop: start-first
        Instant started = Instant.parse(fresh.at("/Status/Timestamp").asText());
        Instant stopped = Instant.parse(old.at("/Status/Timestamp").asText());
        assertTrue(!stopped.isBefore(started), "old stopped at " + stopped + ", new running at " + started);
        assertEquals("start-first", bed.manager().api().expect("GET", "/services/bedorder_web", null).at("/Spec/UpdateConfig/Order").asText());
        assertEquals(0, cli().run("-p", "bedorder", "down", "--wait").exit());
    }
}
