package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.testing.Golden;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One folder per case under {@code src/test/resources/plans/}: {@code compose.yaml} (absent for a down without a
 * file), {@code observed.yaml} (the engine's state; a container's {@code hash: current} stands for the hash of its
 * service as the file now describes it), {@code case.properties} ({@code command=up|down|stop|start|restart}, option flags), and the
 * expected plan text in {@code expected-plan.txt}, or the planner's error in {@code expected-error.txt}.
 */
class PlannerFixturesTest {
    static Stream<Path> cases() {
        return Golden.cases(Path.of("src/test/resources/plans"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansAsExpected(Path dir) throws IOException {
        Properties p = new Properties();
        Path props = dir.resolve("case.properties");
        if (Files.exists(props)) try (Reader r = Files.newBufferedReader(props)) {
            p.load(r);
        }
        Project project = Files.exists(dir.resolve("compose.yaml"))
                ? ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project() : null;
        ObservedState observed = observed(dir.resolve("observed.yaml"), project);
        boolean flag = false;
        try {
            Plan plan = plan(p, project, observed);
            StringBuilder text = new StringBuilder(plan.render());
            for (String w : plan.warnings()) text.append("WARN ").append(w).append('\n');
            Golden.assertMatches(dir.resolve("expected-plan.txt"), text.toString());
            flag = true;
            assertEquals(text.toString(), renderAgain(p, project, observed), "the same input must give the same plan");
        } catch (PlanException e) {
            assertTrue(!flag && Files.exists(dir.resolve("expected-error.txt")) || Boolean.getBoolean("jcompose.golden.update"),
                    () -> "unexpected planner error: " + e.getMessage());
            Golden.assertMatches(dir.resolve("expected-error.txt"), e.getMessage() + "\n");
        }
    }

    private static String renderAgain(Properties p, Project project, ObservedState observed) {
        Plan plan = plan(p, project, observed);
        StringBuilder text = new StringBuilder(plan.render());
        for (String w : plan.warnings()) text.append("WARN ").append(w).append('\n');
        return text.toString();
    }

    private static Plan plan(Properties p, Project project, ObservedState observed) {
        switch (p.getProperty("command", "up")) {
            case "down": return Planner.down("demo", project, observed, new DownOptions(bool(p, "volumes"), bool(p, "removeOrphans"), 10));
            case "stop": return Planner.stop(project, observed, 10);
            case "start": return Planner.start(project, observed);
            case "restart": return Planner.restart(project, observed, 10);
            default: return Planner.up(project, observed, new UpOptions(bool(p, "forceRecreate"), bool(p, "noRecreate"),
                    bool(p, "noStart"), bool(p, "removeOrphans"), 10, bool(p, "renewAnonVolumes")));
        }
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<String, String> volumes(Map<String, Object> c) {
        return new TreeMap<>((Map<String, String>) c.getOrDefault("volumes", Map.of()));
    }

    private static boolean bool(Properties p, String key) {
        return Boolean.parseBoolean(p.getProperty(key, "false"));
    }

    @SuppressWarnings("unchecked")
    static ObservedState observed(Path file, Project project) throws IOException {
        if (!Files.exists(file)) return ObservedState.empty();
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        List<ObservedContainer> containers = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) root.getOrDefault("containers", List.of())) {
            String service = (String) c.get("service");
            Map<String, String> labels = new TreeMap<>();
            labels.put(Labels.PROJECT, (String) c.getOrDefault("project", "demo"));
            labels.put(Labels.SERVICE, service);
            labels.put(Labels.CONTAINER_NUMBER, String.valueOf(c.getOrDefault("number", 1)));
            labels.put(Labels.ONEOFF, "False");
            String hash = String.valueOf(c.getOrDefault("hash", "current"));
            boolean known = project != null && project.service(service) != null;
            if (hash.equals("current")) hash = known ? ConfigHasher.hash(project.service(service)) : "not-in-project";
            labels.put(Labels.CONFIG_HASH, hash);
            labels.put(Labels.DEPENDS_ON, (String) c.getOrDefault("depends_on", ""));
            String name = (String) c.getOrDefault("name", "demo-" + service + "-" + c.getOrDefault("number", 1));
            containers.add(new ObservedContainer((String) c.getOrDefault("id", "id-" + name), name, "busybox", "", 0, (String) c.getOrDefault("state", "running"),
                    "", new TreeMap<>(labels), List.of(), volumes(c)));
        }
        List<ObservedNetwork> networks = new ArrayList<>();
        for (Map<String, Object> n : (List<Map<String, Object>>) root.getOrDefault("networks", List.of())) {
            Map<String, String> labels = new TreeMap<>();
            if (n.containsKey("project")) labels.put(Labels.PROJECT, (String) n.get("project"));
            networks.add(new ObservedNetwork("id", (String) n.get("name"), "bridge", new TreeMap<>(labels)));
        }
        List<ObservedVolume> volumes = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) root.getOrDefault("volumes", List.of())) {
            Map<String, String> labels = new TreeMap<>();
            if (v.containsKey("project")) labels.put(Labels.PROJECT, (String) v.get("project"));
            volumes.add(new ObservedVolume((String) v.get("name"), "local", new TreeMap<>(labels)));
        }
        return new ObservedState(containers, networks, volumes, new TreeSet<>((List<String>) root.getOrDefault("images", List.of())));
    }
}
