package dev.jcompose.executor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The multi-node bed: three nodes Ready with their labels; a {@code global} service (made with bare API calls)
 * gets one task per node once each node has the image, and is rejected on a node without it; an overlay network
 * with {@code endpoint_mode: dnsrr} carries traffic between tasks on different nodes; a node placed by its label
 * pulls an image pushed to the local registry. One bed for the class.
 */
@Tag("engine")
@ExtendWith({RealEngine.class, LocalRegistry.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmBedTest {
    private static SwarmBed bed;

    @BeforeAll
    static void startBed() {
        bed = SwarmBed.start(3);
    }

    @AfterAll
    static void tearDown() {
        if (bed == null) return;
        bed.close();
        assertEquals(List.of(), BedNetwork.nodeNamespaces(), "no node namespace is left");
        assertFalse(Files.exists(Path.of("/tmp/jcompose-swarm-bed")), "the bed's folder is gone");
        assertEquals(List.of(), HostState.processesInside(Path.of("/tmp/jcompose-swarm-bed")), "no process is left");
        assertEquals(List.of(), HostState.mountsInside(Path.of("/tmp/jcompose-swarm-bed")), "no mount is left");
    }

    @Test
    @Order(1)
    void threeNodesReadyOneManagerEachLabelled() {
        JsonNode list = bed.manager().api().expect("GET", "/nodes", null);
        Map<String, String> byHostname = new TreeMap<>();
        for (JsonNode n : list) {
            assertEquals("ready", n.at("/Status/State").asText(), n.toString());
            byHostname.put(n.at("/Description/Hostname").asText(),
                    n.at("/Spec/Role").asText() + " " + n.at("/Spec/Labels/" + SwarmBed.NODE_LABEL).asText() + " " + n.at("/Status/Addr").asText());
        }
        assertEquals(Map.of(
                "node-1", "manager node-1 10.231.0.11",
                "node-2", "worker node-2 10.231.0.12",
                "node-3", "worker node-3 10.231.0.13"), byHostname);
        bed.label(bed.workers().get(0), "zone", "b");
        assertEquals("b", bed.manager().api().expect("GET", "/nodes/" + bed.workers().get(0).id(), null).at("/Spec/Labels/zone").asText());
        assertEquals("node-2", bed.manager().api().expect("GET", "/nodes/" + bed.workers().get(0).id(), null).at("/Spec/Labels/" + SwarmBed.NODE_LABEL).asText(),
                "a new label keeps the others");
    }

    @Test
    @Order(2)
    void aGlobalServiceRunsOnEveryNodeOnceEachHasTheImage() {
        EngineApi manager = bed.manager().api();
        bed.loadImage(RealEngine.BASE_IMAGE, bed.manager());
        manager.expect("POST", "/networks/create", Map.of("Name", "bednet", "Driver", "overlay", "Attachable", true));
        manager.expect("POST", "/services/create", Map.of(
                "Name", "everywhere",
                "TaskTemplate", Map.of(
                        "ContainerSpec", Map.of(
                                "Image", RealEngine.BASE_IMAGE,
                                // each task answers one TCP connection at a time with its node's name
                                "Command", List.of("sh", "-c", "while true; do echo \"from $NODE\" | nc -l -p 7000; done"),
                                "Env", List.of("NODE={{.Node.Hostname}}"),
                                "StopGracePeriod", 1_000_000_000L),
                        "Networks", List.of(Map.of("Target", "bednet")),
                        "RestartPolicy", Map.of("Condition", "any", "Delay", 500_000_000L)),
                "Mode", Map.of("Global", Map.of()),
                "EndpointSpec", Map.of("Mode", "dnsrr")));

        // the workers have no image: their tasks are rejected, the manager's runs
        SwarmBed.await("the manager's task running and both workers' rejected for the image", Duration.ofSeconds(60), () -> {
            Set<String> running = nodesWith(manager, "running", null);
            Set<String> rejected = nodesWith(manager, "rejected", "No such image");
            return running.equals(Set.of(bed.manager().id()))
                    && rejected.containsAll(List.of(bed.workers().get(0).id(), bed.workers().get(1).id()));
        });

        bed.loadImage(RealEngine.BASE_IMAGE, bed.workers().toArray(SwarmBed.Node[]::new));
        Set<String> all = new TreeSet<>();
        for (SwarmBed.Node n : bed.nodes()) all.add(n.id());
        SwarmBed.await("one running task on each of the three nodes", Duration.ofSeconds(60),
                () -> nodesWith(manager, "running", null).equals(all) && runningTasks(manager).size() == 3);
    }

    /**
     * What the listener at {@code address} answers, asked again for up to 30 s: a node learns where a task just
     * started elsewhere lives by gossip, which can lag the task's running state by seconds (a run saw one of two time
     * out on the first try). A listener that never answers still fails: the last answer is given as it was.
     */
    private static String reach(EngineApi api, String container, String address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            String answer = exec(api, container, "nc -w 3 " + address + " 7000").strip();
            if (answer.startsWith("from ") || System.nanoTime() > deadline) return answer;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
    }

    @Test
    @Order(3)
    void theOverlayCarriesTrafficBetweenNodes() {
        // a task on node-1 reaches, by overlay address, the tasks on node-2 and node-3
        EngineApi node1 = bed.manager().api();
        String local = node1.expect("GET", "/containers/json", null).get(0).get("Id").asText();
        List<String> answers = new ArrayList<>();
        for (JsonNode task : runningTasks(bed.manager().api())) {
            if (task.get("NodeID").asText().equals(bed.manager().id())) continue;
            String address = task.at("/NetworksAttachments/0/Addresses/0").asText().split("/")[0];
            answers.add(reach(node1, local, address));
        }
        answers.sort(null);
        assertEquals(List.of("from node-2", "from node-3"), answers);
        // the name's entries come by the same gossip: asked again for up to 30 s too
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String names = exec(node1, local, "nslookup tasks.everywhere");
        while (addresses(names) < 3 && System.nanoTime() < deadline) names = exec(node1, local, "nslookup tasks.everywhere");
        assertEquals(3, addresses(names), "tasks.everywhere names the three tasks:\n" + names);
    }

    @Test
    @Order(4)
    void aNodeChosenByItsLabelPullsFromTheLocalRegistry() {
        String repository = "jct-bed-" + Long.toHexString(System.nanoTime()) + "/busybox";
        String pushed = LocalRegistry.ADDRESS + "/" + repository + ":1";
        EngineApi main = new EngineApi(Path.of("/var/run/docker.sock"));
        main.expect("POST", "/images/" + RealEngine.BASE_IMAGE + "/tag?repo=" + LocalRegistry.ADDRESS + "/" + repository + "&tag=1", null);
        try (var engine = RealEngine.connect()) {
            engine.pushImage(pushed);
            engine.removeImage(pushed);
        }
        try {
            SwarmBed.Node target = bed.workers().get(1);
            EngineApi manager = bed.manager().api();
            assertFalse(target.api().get("/images/" + SwarmBed.REGISTRY + "/" + repository + ":1/json").ok(), "the node has no such image yet");
            manager.expect("POST", "/services/create", Map.of(
                    "Name", "placed",
                    "TaskTemplate", Map.of(
                            "ContainerSpec", Map.of("Image", SwarmBed.REGISTRY + "/" + repository + ":1",
                                    "Command", List.of("sleep", "600"), "StopGracePeriod", 1_000_000_000L),
                            "Placement", Map.of("Constraints", List.of("node.labels." + SwarmBed.NODE_LABEL + "==" + target.name()))),
                    "Mode", Map.of("Replicated", Map.of("Replicas", 1)),
                    "EndpointSpec", Map.of("Mode", "dnsrr")));
            SwarmBed.await("the task of placed running on " + target.name(), Duration.ofSeconds(60), () -> {
                for (JsonNode t : manager.expect("GET", "/tasks?filters=%7B%22service%22%3A%5B%22placed%22%5D%7D", null)) {
                    if (t.at("/Status/State").asText().equals("running")) return t.get("NodeID").asText().equals(target.id());
                }
                return false;
            });
            assertTrue(target.api().get("/images/" + SwarmBed.REGISTRY + "/" + repository + ":1/json").ok(), "the node pulled it");
        } finally {
            LocalRegistry.delete(repository);
        }
    }

    /** The nodes that have a task of {@code everywhere} in {@code state} (with {@code error} in its message). */
    private static Set<String> nodesWith(EngineApi manager, String state, String error) {
        Set<String> nodes = new TreeSet<>();
        for (JsonNode t : manager.expect("GET", "/tasks?filters=%7B%22service%22%3A%5B%22everywhere%22%5D%7D", null)) {
            if (!t.at("/Status/State").asText().equals(state)) continue;
            if (error != null && !t.at("/Status/Err").asText().contains(error)) continue;
            nodes.add(t.get("NodeID").asText());
        }
        return nodes;
    }

    private static List<JsonNode> runningTasks(EngineApi manager) {
        List<JsonNode> running = new ArrayList<>();
        for (JsonNode t : manager.expect("GET", "/tasks?filters=%7B%22service%22%3A%5B%22everywhere%22%5D%7D", null)) {
            if (t.at("/Status/State").asText().equals("running")) running.add(t);
        }
        return running;
    }

    /** Runs a shell command in a container and returns its output (tty: plain text, no stream framing). */
    private static long addresses(String nslookup) {
        return nslookup.lines().filter(l -> l.startsWith("Address") && l.contains("10.0.")).count();
    }

    private static String exec(EngineApi api, String container, String script) {
        String id = api.expect("POST", "/containers/" + container + "/exec", Map.of(
                "Cmd", List.of("sh", "-c", script), "AttachStdout", true, "AttachStderr", true, "Tty", true)).get("Id").asText();
        EngineApi.Response r = api.call("POST", "/exec/" + id + "/start", Map.of("Detach", false, "Tty", true));
        assertTrue(r.ok(), r.toString());
        return r.body().replace("\r", "");
    }
}
