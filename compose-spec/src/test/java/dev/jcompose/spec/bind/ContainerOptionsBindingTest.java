package dev.jcompose.spec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binders of the container settings, one table per group: attributes as a file writes them → the typed value
 * (its record text), and bad values → the error at their line. Forms are the ones the Compose specification allows
 * (list and map, short and long, numbers and strings with units).
 */
class ContainerOptionsBindingTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            network_mode: host                          | Isolation[network=Mode[value=host], ipc=null, pid=null, uts=null, cgroup=null, cgroupParent=null, usernsMode=null, isolation=null, runtime=null, platform=null]
            `network_mode: "container:db", ipc: "container:x", pid: host` | Isolation[network=OfContainer[container=db], ipc=OfContainer[container=x], pid=Mode[value=host], uts=null, cgroup=null, cgroupParent=null, usernsMode=null, isolation=null, runtime=null, platform=null]
            `uts: host, cgroup: private, cgroup_parent: /x, userns_mode: host, runtime: runc, platform: linux/arm64` | Isolation[network=null, ipc=null, pid=null, uts=host, cgroup=private, cgroupParent=/x, usernsMode=host, isolation=null, runtime=runc, platform=linux/arm64]
            """)
    void isolation(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).options().isolation().toString().replace("Namespace$", ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `cap_add: [NET_ADMIN], cap_drop: [ALL]`       | Security[capAdd=[NET_ADMIN], capDrop=[ALL], privileged=false, securityOpt=[], readOnly=false, groupAdd=[]]
            `privileged: "true", read_only: yes`          | Security[capAdd=[], capDrop=[], privileged=true, securityOpt=[], readOnly=true, groupAdd=[]]
            `security_opt: [label=disable], group_add: [audio, 1001]` | Security[capAdd=[], capDrop=[], privileged=false, securityOpt=[label=disable], readOnly=false, groupAdd=[audio, 1001]]
            """)
    void security(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).options().security().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `extra_hosts: ["a:1.2.3.4", "b=::1", "c:[::2]"]` | [ExtraHost[host=a, address=1.2.3.4], ExtraHost[host=b, address=::1], ExtraHost[host=c, address=::2]]
            `extra_hosts: {a: 1.2.3.4, b: [10.0.0.1, 10.0.0.2]}` | [ExtraHost[host=a, address=1.2.3.4], ExtraHost[host=b, address=10.0.0.1], ExtraHost[host=b, address=10.0.0.2]]
            """)
    void extraHosts(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).options().lookup().extraHosts().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `dns: 8.8.8.8, dns_search: example.com`      | [8.8.8.8] [example.com]
            `dns: [1.1.1.1, 8.8.8.8], dns_search: [a, b]` | [1.1.1.1, 8.8.8.8] [a, b]
            """)
    void dns(String attributes, String expected) {
        var lookup = Snippets.service(dir, attributes).options().lookup();
        assertEquals(expected, lookup.dns() + " " + lookup.dnsSearch());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `stop_grace_period: 1m30s, stop_signal: SIGINT` | SIGINT 90
            `stop_grace_period: 1500ms`                    | null 1
            `stop_grace_period: 10`                        | null 10
            """)
    void stop(String attributes, String expected) {
        var l = Snippets.service(dir, attributes).options().lifecycle();
        assertEquals(expected, l.stopSignal() + " " + l.stopTimeoutSeconds());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `deploy: {restart_policy: {condition: on-failure, max_attempts: 3}}` | on-failure:3
            `deploy: {restart_policy: {condition: none}}`                        | no
            `deploy: {restart_policy: {}}`                                       | no
            `deploy: {restart_policy: {condition: any}}`                         | always
            `deploy: {restart_policy: {condition: on-failure}}`                  | on-failure
            """)
    void deployRestartPolicy(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).options().lifecycle().deployRestart());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `mem_limit: 512m, memswap_limit: -1, cpus: 0.5, pids_limit: 10` | 536870912 -1 500000000 10
            `mem_limit: 1g, cpus: 0.25, deploy: {resources: {limits: {memory: 64M, cpus: "0.25", pids: 5}}}` | 67108864 null 250000000 5
            `memswap_limit: 1gb, cpu_rt_runtime: 400ms, cpu_period: 100000` | null 1073741824 null null
            """)
    void resources(String attributes, String expected) {
        var r = Snippets.service(dir, attributes).resources();
        assertEquals(expected, r.memoryBytes() + " " + r.memorySwapBytes() + " " + r.nanoCpus() + " " + r.pidsLimit());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `devices: ["/dev/a", "/dev/b:/dev/c", "/dev/d:/dev/e:r", "/dev/f:rw"]` | [Device[source=/dev/a, target=/dev/a, permissions=rwm], Device[source=/dev/b, target=/dev/c, permissions=rwm], Device[source=/dev/d, target=/dev/e, permissions=r], Device[source=/dev/f, target=/dev/f, permissions=rw]]
            `devices: [{source: /dev/x, target: /dev/y, permissions: m}]` | [Device[source=/dev/x, target=/dev/y, permissions=m]]
            """)
    void devices(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).options().devices().mapped().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `gpus: all`                                       | [DeviceRequest[driver=, count=-1, deviceIds=[], capabilities=[gpu], options={}]]
            `gpus: [{driver: nvidia, device_ids: ["0"]}]`     | [DeviceRequest[driver=nvidia, count=0, deviceIds=[0], capabilities=[gpu], options={}]]
            `devices: ["vendor.com/gpu=all"]`                 | [DeviceRequest[driver=cdi, count=0, deviceIds=[vendor.com/gpu=all], capabilities=[], options={}]]
            """)
    void deviceRequests(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).options().devices().requests().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `ulimits: {nproc: 65535, nofile: {soft: 1024, hard: 2048}}` | {nofile=Ulimit[soft=1024, hard=2048], nproc=Ulimit[soft=65535, hard=65535]}
            """)
    void ulimits(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).options().ulimits().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `logging: {driver: syslog, options: {tag: x}}` | Logging[driver=syslog, options={tag=x}]
            `logging: {options: {max-size: 1m}}`           | Logging[driver=null, options={max-size=1m}]
            """)
    void logging(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).options().logging().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `healthcheck: {test: "curl -f x", interval: 30s, retries: 3}` | Healthcheck[test=[CMD-SHELL, curl -f x], intervalNanos=30000000000, timeoutNanos=null, retries=3, startPeriodNanos=null, startIntervalNanos=null]
            `healthcheck: {disable: true}`                                | Healthcheck[test=[NONE], intervalNanos=null, timeoutNanos=null, retries=null, startPeriodNanos=null, startIntervalNanos=null]
            """)
    void healthcheck(String attributes, String expected) {
        assertEquals(expected, Snippets.service(dir, attributes).healthcheck().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `network_mode: "service:db", volumes_from: [cache], links: ["web:w"]` | [cache, db, web]
            `ipc: "service:db", volumes_from: ["container:x"], external_links: [y]` | [db]
            """)
    void impliedDependencies(String attributes, String expected) {
        String others = "  db: {image: busybox}\n  cache: {image: busybox}\n  web: {image: busybox}\n";
        var app = Snippets.project(dir, "services:\n  app: {image: busybox, " + attributes + "}\n" + others).service("app");
        assertEquals(expected, app.dependsOn().keySet().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `pids_limit: many`               | compose.yaml:2:37: services.app.pids_limit: must be a whole number, found "many"
            `ulimits: {nofile: {soft: 2, hard: 1}}` | compose.yaml:2:43: services.app.ulimits.nofile: soft limit 2 is above hard limit 1
            `network_mode: host, networks: [a]` | compose.yaml:2:39: services.app.network_mode: network_mode and networks are mutually exclusive (keep one of them)
            `cpus: -1`                       | compose.yaml:2:31: services.app.cpus: must not be negative, found -1
            `cpus: 2, deploy: {resources: {limits: {cpus: "1"}}}` | compose.yaml:2:31: services.app.cpus: cpus and deploy.resources.limits.cpus disagree (keep one of them)
            `dns: [nameserver]`              | compose.yaml:2:31: services.app.dns[0]: invalid DNS address "nameserver" (write an IP address such as 8.8.8.8)
            `healthcheck: {start_interval: 1s}` | compose.yaml:2:55: services.app.healthcheck.start_interval: needs start_period (start_interval is how often the check runs during start_period)
            """)
    void rejects(String attributes, String expected) {
        String error = Snippets.error(dir, attributes);
        assertEquals(expected, error.lines().filter(l -> !l.contains("undefined network")).findFirst().orElse(""));
    }

    @Test
    void dockerDefaultPlatformAppliesWhereAServiceNamesNone() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"),
                "services:\n  app: {image: busybox}\n  arm: {image: busybox, platform: linux/arm64}\n");
        var project = ComposeLoader.load(LoadOptions.of(dir,
                Map.of("DOCKER_DEFAULT_PLATFORM", "linux/amd64")).withProjectName("p")).project();
        assertEquals("linux/amd64", project.service("app").options().isolation().platform());
        assertEquals("linux/arm64", project.service("arm").options().isolation().platform());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `stop_grace_period: 1500ms`                 | compose.yaml:2:44: services.app.stop_grace_period: the engine takes whole seconds: 1500ms is sent as 1s, as docker compose sends it
            `network_mode: host, mac_address: "02:42:ac:11:00:02"` | compose.yaml:2:45: services.app.mac_address: a MAC address belongs to the service's own network, which network_mode replaces: ignored
            `develop: {watch: []}`                      | compose.yaml:2:25: services.app.develop: develop (watch) is not implemented by jcompose: ignored
            `deploy: {placement: {constraints: [a]}}`  | compose.yaml:2:34: services.app.deploy.placement: applies to a swarm only: ignored
            """)
    void warnsOfWhatOneEngineCannotHonour(String attributes, String expected) {
        var ignored = Snippets.service(dir, attributes).ignored();
        assertEquals(expected, ignored.stream().map(d -> d.format().replace(dir.toString() + "/", "")).findFirst().orElse(""));
    }
}
