package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedImage;
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
 * service as the file now describes it; a network's or volume's {@code hash:} is its config-hash label), {@code case.properties} ({@code command=up|down|stop|start|restart|kill}, option flags), and the
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
        List<ObservedImage> labelled = labelledImages(dir.resolve("observed.yaml"));
        boolean flag = false;
        try {
            Plan plan = plan(p, project, observed, labelled);
            StringBuilder text = new StringBuilder(plan.render());
            for (String w : plan.warnings()) text.append("WARN ").append(w).append('\n');
            if (bool(p, "details")) text.append(details(plan, dir));
            Golden.assertMatches(dir.resolve("expected-plan.txt"), text.toString());
            flag = true;
            assertEquals(text.toString(), renderAgain(p, project, observed, labelled, dir), "the same input must give the same plan");
        } catch (PlanException e) {
            assertTrue(!flag && Files.exists(dir.resolve("expected-error.txt")) || Boolean.getBoolean("jcompose.golden.update"),
                    () -> "unexpected planner error: " + e.getMessage());
            Golden.assertMatches(dir.resolve("expected-error.txt"), e.getMessage() + "\n");
        }
    }

    private static String renderAgain(Properties p, Project project, ObservedState observed, List<ObservedImage> labelled, Path dir) {
        Plan plan = plan(p, project, observed, labelled);
        StringBuilder text = new StringBuilder(plan.render());
        for (String w : plan.warnings()) text.append("WARN ").append(w).append('\n');
        if (bool(p, "details")) text.append(details(plan, dir));
        return text.toString();
    }

    private static Plan plan(Properties p, Project project, ObservedState observed, List<ObservedImage> labelled) {
        switch (p.getProperty("command", "up")) {
            case "build": return ImagePlanner.builds(project, observed, new BuildOptions(bool(p, "always") ? BuildOptions.When.ALWAYS
                    : bool(p, "never") ? BuildOptions.When.NEVER : BuildOptions.When.IF_MISSING,
                    bool(p, "noCache"), bool(p, "pull"), args(p.getProperty("buildArgs", ""))));
            case "rmi": return ImagePlanner.removals("demo", project, observed, labelled, p.getProperty("rmi", "local"));
            case "prune": return ImagePlanner.prune("demo", observed, labelled);
            case "down": return Planner.down("demo", project, observed, new DownOptions(bool(p, "volumes"), bool(p, "removeOrphans"), 10));
            case "stop": return Planner.stop(project, observed, 10);
            case "start": return Planner.start(project, observed);
            case "restart": return Planner.restart(project, observed, 10);
            case "kill": return Planner.kill(project, observed, List.of(p.getProperty("services", "").split(",")).stream()
                    .filter(s -> !s.isEmpty()).toList(), p.getProperty("signal", "SIGKILL"), bool(p, "removeOrphans"));
            default: return Planner.up(project, observed, new UpOptions(bool(p, "forceRecreate") ? Recreate.FORCE
                    : bool(p, "noRecreate") ? Recreate.NEVER : Recreate.DIVERGED, !bool(p, "noStart"), bool(p, "removeOrphans") ? Orphans.REMOVE : Orphans.WARN, 10,
                    bool(p, "renewAnonVolumes"), p.getProperty("pull") == null ? PullPolicy.SERVICE : PullPolicy.ofFlag(p.getProperty("pull")).orElseThrow(),
                    bool(p, "recreateVolumes")));
        }
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<String, String> volumes(Map<String, Object> c) {
        return new TreeMap<>((Map<String, String>) c.getOrDefault("volumes", Map.of()));
    }

    /** {@code details=true}: what build and create steps send, beyond what the plan's text names. */
    private static String details(Plan plan, Path dir) {
        StringBuilder out = new StringBuilder();
        String here = dir.toAbsolutePath().normalize().toString();
        for (var step : plan.steps()) {
            if (step.action() instanceof dev.jcompose.planner.plan.Action.BuildImage b) {
                out.append('#').append(step.id()).append(' ').append(b.spec()).append('\n');
            } else if (step.action() instanceof dev.jcompose.planner.plan.Action.CreateContainer c) {
                out.append('#').append(step.id()).append(" image-label=").append(c.spec().labels().get(Labels.IMAGE))
                        .append(" mounts=").append(c.spec().mounts())
                        .append(" resources=").append(c.spec().resources()).append('\n');
            }
        }
        return out.toString().replace(here, "<case>");
    }

    private static TreeMap<String, String> args(String list) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String kv : list.split(",")) if (kv.contains("=")) out.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        return out;
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
            containers.add(new ObservedContainer((String) c.getOrDefault("id", "id-" + name), name, "busybox",
                    (String) c.get("image_id"), "", 0, (String) c.getOrDefault("state", "running"),
                    "", new TreeMap<>(labels), List.of(), volumes(c)));
        }
        List<ObservedNetwork> networks = new ArrayList<>();
        for (Map<String, Object> n : (List<Map<String, Object>>) root.getOrDefault("networks", List.of())) {
            Map<String, String> labels = new TreeMap<>();
            if (n.containsKey("project")) labels.put(Labels.PROJECT, (String) n.get("project"));
            if (n.containsKey("hash")) labels.put(Labels.CONFIG_HASH, String.valueOf(n.get("hash")));
            networks.add(new ObservedNetwork("id", (String) n.get("name"), "bridge", new TreeMap<>(labels)));
        }
        List<ObservedVolume> volumes = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) root.getOrDefault("volumes", List.of())) {
            Map<String, String> labels = new TreeMap<>();
            if (v.containsKey("project")) labels.put(Labels.PROJECT, (String) v.get("project"));
            if (v.containsKey("hash")) labels.put(Labels.CONFIG_HASH, String.valueOf(v.get("hash")));
            volumes.add(new ObservedVolume((String) v.get("name"), "local", new TreeMap<>(labels)));
        }
        // images: a list of names (id sha256:<name>), or a mapping of name to id
        TreeMap<String, String> images = new TreeMap<>();
        Object listed = root.getOrDefault("images", List.of());
        if (listed instanceof Map<?, ?> m) m.forEach((k, v) -> images.put(String.valueOf(k), String.valueOf(v)));
        else for (Object i : (List<Object>) listed) images.put(String.valueOf(i), "sha256:" + i);
        return new ObservedState(containers, networks, volumes, images);
    }

    /** {@code labelled_images}: the images labelled with a project, as {@code {id, tags, project}}. */
    @SuppressWarnings("unchecked")
    static List<ObservedImage> labelledImages(Path file) throws IOException {
        if (!Files.exists(file)) return List.of();
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        List<ObservedImage> out = new ArrayList<>();
        for (Map<String, Object> i : (List<Map<String, Object>>) root.getOrDefault("labelled_images", List.of())) {
            TreeMap<String, String> labels = new TreeMap<>();
            labels.put(Labels.PROJECT, (String) i.getOrDefault("project", "demo"));
            out.add(new ObservedImage((String) i.get("id"), (List<String>) i.getOrDefault("tags", List.of()), labels, 0, 0));
        }
        return out;
    }
}
