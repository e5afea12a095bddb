package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigHasherTest {
    @TempDir
    Path dir;

    private Service load(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("p")).project().service("web");
    }

    @Test
    void isStableForTheSameServiceWrittenDifferently() throws IOException {
        String a = ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    environment: {B: '2', A: '1'}\n"));
        String b = ConfigHasher.hash(load("services:\n  web:\n    environment: [A=1, B=2]\n    image: busybox\n"));
        assertEquals(a, b);
        assertEquals(64, a.length());
    }

    @Test
    void changesWhenWhatTheContainerRunsChanges() throws IOException {
        String base = ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n"));
        assertNotEquals(base, ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    command: [sleep, '1']\n")));
        assertNotEquals(base, ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    ports: ['80']\n")));
    }

    @Test
    void ignoresScaleAndDependencies() throws IOException {
        String base = ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n  db:\n    image: busybox\n"));
        assertEquals(base, ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    scale: 3\n    depends_on: [db]\n  db:\n    image: busybox\n")));
    }

    @Test
    void ignoresDeployReplicasButNotTheRestOfDeploy() throws IOException {
        String one = ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    deploy: {replicas: 1}\n"));
        assertEquals(ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n")), one);
        assertEquals(one, ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    deploy: {replicas: 2}\n")));
        String limited = "services:\n  web:\n    image: busybox\n    deploy: {replicas: 2, resources: {limits: {memory: 64m}}}\n";
        assertNotEquals(one, ConfigHasher.hash(load(limited)));
        assertEquals(ConfigHasher.hash(load(limited)),
                ConfigHasher.hash(load(limited.replace("replicas: 2", "replicas: 3"))));
    }

    @Test
    void ignoresWhatOnlyASwarmReads() throws IOException {
        // the typed deploy section (Service.deploy) reaches a swarm deploy, not up's containers
        String base = ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n"));
        assertEquals(base, ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    deploy: {mode: replicated, endpoint_mode: dnsrr,"
                + " placement: {constraints: [node.role == manager]}, update_config: {order: start-first}, labels: {a: b}}\n")));
    }

    @Test
    void changesWithEveryContainerSettingButNotWithWhereItIsWritten() throws IOException {
        String base = ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n"));
        for (String setting : java.util.List.of("cap_add: [NET_ADMIN]", "logging: {driver: none}", "network_mode: host",
                "stop_grace_period: 5s", "ulimits: {nofile: 1024}", "extra_hosts: ['a:1.2.3.4']", "read_only: true",
                "deploy: {resources: {limits: {cpus: '0.5'}}}", "x-note: hello")) {
            assertNotEquals(base, ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    " + setting + "\n")), setting);
        }
        String placed = ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    develop: {watch: []}\n"));
        assertEquals(placed, ConfigHasher.hash(load("services:\n\n\n  web:\n      image: busybox\n      develop: {watch: []}\n")),
                "the line a warned attribute is on is not part of the container");
        assertEquals(ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    stop_grace_period: 90s\n")),
                ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    stop_grace_period: 1m30s\n")));
        assertEquals(base, ConfigHasher.hash(load("services:\n  web:\n    image: busybox\n    pull_policy: always\n")));
    }

    @Test
    void changesWhenAConfigOrSecretGivenByContentChangesButKeepsNoSecret() throws IOException {
        String yaml = "services:\n  web:\n    image: busybox\n    configs: [c]\n    secrets: [s]\n"
                + "configs:\n  c: {content: '%s'}\nsecrets:\n  s: {environment: TOKEN}\n";
        java.util.function.BiFunction<String, String, String> hash = (content, token) -> {
            try {
                Files.writeString(dir.resolve("compose.yaml"), yaml.formatted(content));
                var project = ComposeLoader.load(LoadOptions.of(dir, Map.of("TOKEN", token)).withProjectName("p")).project();
                return ConfigHasher.hash(project, project.service("web"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        String base = hash.apply("port=1", "a");
        assertEquals(base, hash.apply("port=1", "a"));
        assertNotEquals(base, hash.apply("port=2", "a"), "a new content makes a new container");
        assertNotEquals(base, hash.apply("port=1", "b"), "so does a new secret value");
    }
}
