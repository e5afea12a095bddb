package dev.jcompose.spec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.spec.model.Deploy;
import dev.jcompose.spec.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code deploy}, typed: each group of keys as a file writes them → the record's text; bad values → the error at
 * their line. The forms are the Compose specification's (docker cli's {@code cli/compose/types} reads the same).
 */
class DeployBindingTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `deploy: {mode: global}`                                   | GLOBAL null null {}
            `deploy: {mode: replicated-job, replicas: 3}`              | REPLICATED_JOB 3 null {}
            `deploy: {mode: global-job}`                               | GLOBAL_JOB null null {}
            `deploy: {replicas: "2", endpoint_mode: dnsrr, labels: [a=1, b=2]}` | null 2 DNSRR {a=1, b=2}
            `deploy: {endpoint_mode: VIP, labels: {x: y}}`             | null null VIP {x=y}
            """)
    void modeReplicasEndpointLabels(String attributes, String expected) {
        Deploy d = Snippets.service(dir, attributes).deploy();
        assertEquals(expected, d.mode() + " " + d.replicas() + " " + d.endpointMode() + " " + d.labels());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `deploy: {placement: {constraints: [node.role == manager, node.labels.z==a], preferences: [{spread: node.labels.zone}], max_replicas_per_node: 2}}` | Placement[constraints=[node.role == manager, node.labels.z==a], spreads=[node.labels.zone], maxReplicasPerNode=2]
            `deploy: {replicas: 1}`                                    | Placement[constraints=[], spreads=[], maxReplicasPerNode=null]
            """)
    void placement(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).deploy().placement().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `deploy: {update_config: {parallelism: 2, delay: 10s, failure_action: rollback, monitor: 1m, max_failure_ratio: 0.25, order: start-first}}` | UpdatePolicy[parallelism=2, delayNanos=10000000000, failureAction=ROLLBACK, monitorNanos=60000000000, maxFailureRatio=0.25, order=START_FIRST]
            `deploy: {update_config: {}}`                              | UpdatePolicy[parallelism=null, delayNanos=null, failureAction=null, monitorNanos=null, maxFailureRatio=null, order=null]
            `deploy: {update_config: {failure_action: pause, order: stop-first}}` | UpdatePolicy[parallelism=null, delayNanos=null, failureAction=PAUSE, monitorNanos=null, maxFailureRatio=null, order=STOP_FIRST]
            """)
    void updateConfig(String attributes, String expected) {
        assertEquals(expected, String.valueOf(Snippets.service(dir, attributes).deploy().updateConfig()));
    }

    @Test
    void rollbackConfigIsItsOwn() {
        Deploy d = Snippets.service(dir, "deploy: {rollback_config: {parallelism: 0, failure_action: continue}}").deploy();
        assertEquals("null UpdatePolicy[parallelism=0, delayNanos=null, failureAction=CONTINUE, monitorNanos=null, maxFailureRatio=null, order=null]",
                d.updateConfig() + " " + d.rollbackConfig());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `deploy: {restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 2m}}` | RestartPolicy[condition=ON_FAILURE, delayNanos=5000000000, maxAttempts=3, windowNanos=120000000000]
            `deploy: {restart_policy: {condition: none}}`              | RestartPolicy[condition=NONE, delayNanos=null, maxAttempts=null, windowNanos=null]
            `deploy: {restart_policy: {condition: any}}`               | RestartPolicy[condition=ANY, delayNanos=null, maxAttempts=null, windowNanos=null]
            `deploy: {restart_policy: {}}`                             | RestartPolicy[condition=null, delayNanos=null, maxAttempts=null, windowNanos=null]
            `deploy: {replicas: 1}`                                    | null
            """)
    void restartPolicy(String attributes, String expected) {
        assertEquals(expected, String.valueOf(Snippets.service(dir, attributes).deploy().restartPolicy()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `deploy: {resources: {limits: {cpus: "0.5", memory: 64m, pids: 100}}}` | DeployResources[limits=Limits[nanoCpus=500000000, memoryBytes=67108864, pids=100], reservations=null]
            `deploy: {resources: {reservations: {cpus: 1.25, memory: 1g, generic_resources: [{discrete_resource_spec: {kind: gpu, value: 2}}]}}}` | DeployResources[limits=null, reservations=Reservations[nanoCpus=1250000000, memoryBytes=1073741824, genericResources=[GenericResource[kind=gpu, value=2]], devices=[]]]
            `deploy: {resources: {reservations: {devices: [{capabilities: [gpu], count: 1}]}}}` | DeployResources[limits=null, reservations=Reservations[nanoCpus=null, memoryBytes=null, genericResources=[], devices=[DeviceRequest[driver=, count=1, deviceIds=[], capabilities=[gpu], options={}]]]]
            """)
    void resources(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).deploy().resources().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `deploy: {mode: swarm}`                                   | compose.yaml:2:40: services.app.deploy.mode: invalid value "swarm" (use replicated, global, replicated-job or global-job)
            `deploy: {endpoint_mode: round-robin}`                    | compose.yaml:2:49: services.app.deploy.endpoint_mode: invalid value "round-robin" (use vip or dnsrr)
            `deploy: {update_config: {failure_action: retry}}`        | compose.yaml:2:66: services.app.deploy.update_config.failure_action: invalid value "retry" (use continue, rollback or pause)
            `deploy: {update_config: {order: last}}`                  | compose.yaml:2:57: services.app.deploy.update_config.order: invalid value "last" (use stop-first or start-first)
            `deploy: {update_config: {delay: soon}}`                  | compose.yaml:2:57: services.app.deploy.update_config.delay: invalid duration "soon": write it like 10s, 1m30s or 500ms
            `deploy: {rollback_config: {max_failure_ratio: 2}}`       | compose.yaml:2:71: services.app.deploy.rollback_config.max_failure_ratio: must be between 0 and 1, found 2
            `deploy: {update_config: {parallelism: -1}}`              | compose.yaml:2:63: services.app.deploy.update_config.parallelism: must not be negative, found -1
            `deploy: {restart_policy: {condition: sometimes}}`        | compose.yaml:2:62: services.app.deploy.restart_policy.condition: invalid condition "sometimes" (use none, on-failure or any)
            `deploy: {restart_policy: {window: forever}}`             | compose.yaml:2:59: services.app.deploy.restart_policy.window: invalid duration "forever": write it like 10s, 1m30s or 500ms
            `deploy: {placement: {max_replicas_per_node: -2}}`        | compose.yaml:2:69: services.app.deploy.placement.max_replicas_per_node: must not be negative, found -2
            `deploy: {placement: {preferences: [{}]}}`                | compose.yaml:2:60: services.app.deploy.placement.preferences[0]: a placement preference needs spread (spread: node.labels.zone)
            `deploy: {resources: {reservations: {generic_resources: [{discrete_resource_spec: {kind: gpu, value: x}}]}}}` | compose.yaml:2:125: services.app.deploy.resources.reservations.generic_resources[0].discrete_resource_spec.value: must be a whole number, found "x"
            `ports: [{target: 80, mode: bridge}]`                     | compose.yaml:2:52: services.app.ports[0].mode: invalid port mode "bridge" (use host or ingress)
            """)
    void badValuesAreLoadErrorsAtTheirLine(String attributes, String expected) {
        String error = Snippets.error(dir, attributes);
        assertTrue(error.lines().anyMatch(expected::equals), "expected the line\n" + expected + "\nin\n" + error);
    }

    @Test
    void theLocationsOfTheAttributesAreKept() {
        Service s = Snippets.project(dir, """
                services:
                  app:
                    image: busybox
                    container_name: one
                    volumes:
                      - /data:/data
                    deploy:
                      placement: {constraints: [node.role == manager]}
                """).service("app");
        assertEquals("compose.yaml:4:5 compose.yaml:6:9 compose.yaml:8:7",
                (s.locationOf("container_name") + " " + s.locationOf("volumes[0]") + " " + s.locationOf("deploy.placement"))
                        .replace(dir.toString() + "/", ""));
    }
}
