package dev.jcompose.planner.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.planner.PlanException;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.plan.SwarmAction;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.planner.swarm.plan.SwarmStep;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import dev.jcompose.planner.swarm.spec.Stack;
import dev.jcompose.planner.swarm.spec.StackService;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.testing.Golden;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One folder per case under {@code src/test/resources/swarm-plans/}: {@code compose.yaml} (project {@code demo}),
 * {@code observed.yaml} (the swarm's objects; each carries the namespace label {@code demo} unless {@code foreign:
 * true}; a service's {@code hash: current} and {@code image: current} stand for what the file now gives it, a
 * config's or secret's {@code name: current:<key>} for the name the file's content now gives), {@code case.properties}
 * ({@code prune}, {@code resolveImage}, {@code wait}), and the expected plan text in {@code expected-plan.txt}, or the
 * planner's error in {@code expected-error.txt}. No engine: the observed state is data.
 */
class SwarmPlannerFixturesTest {
    static Stream<Path> cases() {
        return Golden.cases(Path.of("src/test/resources/swarm-plans"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansAsExpected(Path dir) throws IOException {
        Properties p = new Properties();
        Path props = dir.resolve("case.properties");
        if (Files.exists(props)) try (Reader r = Files.newBufferedReader(props)) {
            p.load(r);
        }
        Project project = ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
        Stack stack = StackConverter.convert(project, new TreeMap<>(), Files::readAllBytes);
        ObservedSwarm observed = observed(dir.resolve("observed.yaml"), stack);
        SwarmOptions options = new SwarmOptions(Boolean.parseBoolean(p.getProperty("prune", "false")),
                SwarmOptions.ResolveImage.of(p.getProperty("resolveImage", "always")), Boolean.parseBoolean(p.getProperty("wait", "false")));
        try {
            String text = text(SwarmPlanner.plan(stack, observed, options));
            Golden.assertMatches(dir.resolve("expected-plan.txt"), text);
            assertEquals(text, text(SwarmPlanner.plan(stack, observed, options)), "the same input must give the same plan");
        } catch (PlanException e) {
            if (!Files.exists(dir.resolve("expected-error.txt")) && !Boolean.getBoolean("jcompose.golden.update")) {
                fail("unexpected planner error: " + e.getMessage());
            }
            Golden.assertMatches(dir.resolve("expected-error.txt"), e.getMessage() + "\n");
        }
    }

    /** The plan's text, then what each service step sends that the text does not name. */
    private static String text(SwarmPlan plan) {
        StringBuilder sb = new StringBuilder(plan.render());
        for (SwarmStep step : plan.steps()) {
            if (step.action() instanceof SwarmAction.CreateService c) {
                sb.append("  #").append(step.id()).append(' ').append(details(c.spec())).append(" queryRegistry=").append(c.queryRegistry()).append('\n');
            } else if (step.action() instanceof SwarmAction.UpdateService u) {
                sb.append("  #").append(step.id()).append(' ').append(details(u.spec())).append(" queryRegistry=").append(u.queryRegistry())
                        .append(" id=").append(u.id()).append(" version=").append(u.versionIndex())
                        .append(u.forceUpdate() != 0 ? " forceUpdate=" + u.forceUpdate() : "").append('\n');
            }
        }
        return sb.toString();
    }

    private static String details(ServiceSpec spec) {
        return "mode=" + spec.mode() + " endpoint=" + spec.endpointSpec().mode() + " ports=" + spec.endpointSpec().ports().stream()
                .map(p -> p.publishedPort() + ":" + p.targetPort() + "/" + p.protocol() + "/" + p.publishMode().key()).toList()
                + " image=" + spec.taskTemplate().containerSpec().image();
    }

    @SuppressWarnings("unchecked")
    private static ObservedSwarm observed(Path file, Stack stack) throws IOException {
        if (!Files.exists(file)) return ObservedSwarm.EMPTY;
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        if (root == null) return ObservedSwarm.EMPTY;
        List<SwarmService> services = new ArrayList<>();
        for (Map<String, Object> s : list(root, "services")) {
            String name = (String) s.get("name");
            StackService desired = stack.services().values().stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
            SortedMap<String, String> labels = labels(s);
            Object hash = s.get("hash");
            if ("current".equals(hash)) labels.put(StackLabels.SPEC_HASH, desired.specHash());
            else if (hash != null) labels.put(StackLabels.SPEC_HASH, String.valueOf(hash));
            Object image = s.getOrDefault("image", "current");
            if ("current".equals(image)) image = desired == null ? "busybox" : desired.spec().labels().get(StackLabels.IMAGE);
            labels.put(StackLabels.IMAGE, String.valueOf(image));
            ServiceMode mode = switch (String.valueOf(s.getOrDefault("mode", "replicated"))) {
                case "global" -> new ServiceMode.Global();
                case "replicated-job" -> new ServiceMode.ReplicatedJob(1, 1);
                case "global-job" -> new ServiceMode.GlobalJob();
                default -> new ServiceMode.Replicated(1);
            };
            services.add(new SwarmService((String) s.get("id"), name, ((Number) s.getOrDefault("version", 1)).longValue(), labels,
                    String.valueOf(s.getOrDefault("engine_image", image)), mode, null,
                    ((Number) s.getOrDefault("force_update", 0)).longValue()));
        }
        List<SwarmNetwork> networks = new ArrayList<>();
        for (Map<String, Object> n : list(root, "networks")) {
            networks.add(new SwarmNetwork((String) n.get("id"), (String) n.get("name"), (String) n.getOrDefault("driver", "overlay"),
                    (String) n.getOrDefault("scope", "swarm"), labels(n)));
        }
        return new ObservedSwarm(services, List.of(), networks, objects(root, "configs", stack.configs().values()),
                objects(root, "secrets", stack.secrets().values()), List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<SwarmObject> objects(Map<String, Object> root, String key, Collection<ObjectSpec> desired) {
        List<SwarmObject> out = new ArrayList<>();
        for (Map<String, Object> o : list(root, key)) {
            String name = (String) o.get("name");
            SortedMap<String, String> labels = labels(o);
            if (name.startsWith("current:")) {
                String composeKey = name.substring("current:".length());
                name = desired.stream().filter(d -> d.composeName().equals(composeKey)).findFirst().orElseThrow().name();
                labels.put(StackLabels.OBJECT_NAME, composeKey);
            }
            if (o.get("object") != null) labels.put(StackLabels.OBJECT_NAME, String.valueOf(o.get("object")));
            out.add(new SwarmObject((String) o.get("id"), name, labels));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> root, String key) {
        Object l = root.get(key);
        return l == null ? List.of() : (List<Map<String, Object>>) l;
    }

    @SuppressWarnings("unchecked")
    private static SortedMap<String, String> labels(Map<String, Object> o) {
        SortedMap<String, String> labels = new TreeMap<>();
        if (!Boolean.TRUE.equals(o.get("foreign"))) labels.put(StackLabels.NAMESPACE, "demo");
        Object l = o.get("labels");
        if (l instanceof Map<?, ?> m) m.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
        return labels;
    }
}
