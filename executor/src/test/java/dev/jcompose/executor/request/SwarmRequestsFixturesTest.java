package dev.jcompose.executor.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.planner.swarm.StackConverter;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.Stack;
import dev.jcompose.planner.swarm.spec.StackService;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per case under {@code src/test/resources/swarm-requests/}: {@code compose.yaml} (project {@code demo}) ->
 * {@code expected.json}, the bodies SwarmRequests makes of the converted stack: {@code POST /networks/create} per
 * network, {@code /configs/create} and {@code /secrets/create} per object (Data in base64), {@code /services/create}
 * per service (config and secret ids stand in as {@code id-of-<name>}). {@code -Djcompose.golden.update=true}
 * rewrites them; read the diff.
 *
 * <p>Each expectation was compared with what docker cli sends for the same file: the service bodies with
 * {@code cli/compose/convert/service.go} {@code Service()} (and {@code convertEndpointSpec}, {@code convertDeployMode},
 * {@code convertRestartPolicy}, {@code convertResources}, {@code convertUpdateConfig}, {@code convertHealthcheck},
 * {@code convertServiceNetworks}), the mounts with {@code convert/volume.go} {@code Volumes()}, the networks with
 * {@code convert/compose.go} {@code Networks()} plus {@code stack/deploy_composefile.go} {@code createNetworks}
 * (overlay by default), the configs and secrets with {@code compose.go} {@code Configs()}/{@code Secrets()}, serialised
 * as moby's {@code api/types/swarm} field names with {@code omitempty}. Where jcompose differs on purpose:
 *
 * <table>
 *   <tr><th>what</th><th>docker stack deploy</th><th>jcompose, and why</th></tr>
 *   <tr><td>object names</td><td>{@code <project>_<name>}</td><td>{@code <project>_<name>_<hash>}: a changed content is a new object (moby#33808)</td></tr>
 *   <tr><td>labels</td><td>the namespace label</td><td>also compose's project/service labels and the spec hash</td></tr>
 *   <tr><td>{@code dns_opt}</td><td>dropped</td><td>{@code DNSConfig.Options}</td></tr>
 *   <tr><td>{@code cpus}, {@code mem_limit}, {@code mem_reservation}, {@code pids_limit}</td><td>dropped</td><td>limits and reservations, as {@code up} reads them</td></tr>
 *   <tr><td>{@code Scope} of a network</td><td>not sent (the engine takes overlay as swarm)</td><td>{@code swarm}, said outright</td></tr>
 *   <tr><td>{@code Healthcheck} durations docker leaves 0</td><td>0 sent</td><td>left out (the same default)</td></tr>
 * </table>
 */
class SwarmRequestsFixturesTest {
    private static final Path CASES = Path.of("src/test/resources/swarm-requests");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static Stream<Path> cases() {
        return Golden.cases(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bodiesAsExpected(Path dir) throws IOException {
        Stack stack = stack(dir);
        SortedMap<String, Object> out = new TreeMap<>();
        SortedMap<String, Object> networks = new TreeMap<>();
        stack.networks().forEach((name, n) -> networks.put(name, SwarmRequests.network(n)));
        SortedMap<String, Object> configs = new TreeMap<>();
        stack.configs().forEach((name, o) -> configs.put(name, SwarmRequests.object(o)));
        SortedMap<String, Object> secrets = new TreeMap<>();
        stack.secrets().forEach((name, o) -> secrets.put(name, SwarmRequests.object(o)));
        SortedMap<String, Object> services = new TreeMap<>();
        SwarmRequests.ObjectIds ids = ids(stack);
        for (StackService s : stack.services().values()) services.put(s.name(), SwarmRequests.service(s.spec(), ids));
        out.put("networks/create", networks);
        out.put("configs/create", configs);
        out.put("secrets/create", secrets);
        out.put("services/create", services);
        String abs = dir.toAbsolutePath().normalize().toString();
        Golden.assertMatches(dir.resolve("expected.json"), JSON.writeValueAsString(out).replace(abs, "<dir>") + "\n");
    }

    @Test
    void aServiceWhoseConfigHasNoIdIsRefused() {
        Stack stack = stack(CASES.resolve("configs-secrets"));
        StackService web = stack.services().get("web");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SwarmRequests.service(web.spec(), new SwarmRequests.ObjectIds(new TreeMap<>(), new TreeMap<>())));
        assertEquals("no id for config demo_app_conf_", e.getMessage().substring(0, "no id for config demo_app_conf_".length()));
    }

    /** An update sends the create body with the service's ForceUpdate counter kept, as docker cli's deployServices keeps it. */
    @Test
    void anUpdateCarriesTheForceCounterAndNothingElseMore() {
        Stack stack = stack(CASES.resolve("basic"));
        for (StackService s : stack.services().values()) {
            SortedMap<String, Object> created = SwarmRequests.service(s.spec(), ids(stack));
            assertEquals(created, SwarmRequests.update(s.spec(), ids(stack), 0), "a counter at 0 is the engine's default: left out");
            SortedMap<String, Object> updated = SwarmRequests.update(s.spec(), ids(stack), 4);
            assertEquals(4L, ((Map<?, ?>) updated.get("TaskTemplate")).get("ForceUpdate"));
            ((Map<?, ?>) updated.get("TaskTemplate")).remove("ForceUpdate");
            assertEquals(created, updated);
        }
    }

    private static Stack stack(Path dir) {
        Project project = ComposeLoader.load(LoadOptions.of(dir, Map.of("API_TOKEN", "t0ken")).withProjectName("demo")).project();
        return StackConverter.convert(project, new TreeMap<>(), Files::readAllBytes);
    }

    /** Every object of the stack and every external one, by a stand-in id. */
    private static SwarmRequests.ObjectIds ids(Stack stack) {
        SortedMap<String, String> configs = new TreeMap<>();
        for (ObjectSpec o : stack.configs().values()) configs.put(o.name(), "id-of-" + o.name());
        for (String n : stack.externalConfigs()) configs.put(n, "id-of-" + n);
        SortedMap<String, String> secrets = new TreeMap<>();
        for (ObjectSpec o : stack.secrets().values()) secrets.put(o.name(), "id-of-" + o.name());
        for (String n : stack.externalSecrets()) secrets.put(n, "id-of-" + n);
        return new SwarmRequests.ObjectIds(configs, secrets);
    }
}
