package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Engine discovery as docker's CLI and Testcontainers do it, first source that names an engine wins. */
class DockerEnvironmentTest {
    @TempDir
    Path home;

    private void context(String name, String host) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        Path meta = home.resolve(".docker/contexts/meta").resolve(hash);
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\"}}}");
    }

    private void currentContext(String name) throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{},\"currentContext\":\"" + name + "\"}");
    }

    @Test
    void dockerHostInTheEnvironmentWinsOverEverythingElse() throws Exception {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://tc:2375\n");
        currentContext("remote");
        context("remote", "ssh://ctx");
        assertEquals("unix:///run/x.sock", DockerEnvironment.resolve(Map.of("DOCKER_HOST", "unix:///run/x.sock"), home).get("DOCKER_HOST"));
    }

    @Test
    void theTestcontainersPropertiesComeNextThenTheContext() throws Exception {
        currentContext("remote");
        context("remote", "tcp://ctx:2376");
        assertEquals("tcp://ctx:2376", DockerEnvironment.resolve(Map.of(), home).get("DOCKER_HOST"), "the current context");
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://tc:2375\n");
        assertEquals("tcp://tc:2375", DockerEnvironment.resolve(Map.of(), home).get("DOCKER_HOST"), "testcontainers' setting first");
    }

    @Test
    void dockerContextInTheEnvironmentPicksTheContext() throws Exception {
        currentContext("remote");
        context("remote", "tcp://ctx:2376");
        context("other", "tcp://other:2376");
        assertEquals("tcp://other:2376", DockerEnvironment.resolve(Map.of("DOCKER_CONTEXT", "other"), home).get("DOCKER_HOST"));
    }

    @Test
    void theDefaultContextOrNothingLeavesTheEnvironmentAsItIs() throws Exception {
        assertEquals(Map.of("A", "b"), DockerEnvironment.resolve(Map.of("A", "b"), home));
        currentContext("default");
        assertEquals(Map.of("A", "b"), DockerEnvironment.resolve(Map.of("A", "b"), home));
    }

    @Test
    void aSelectedContextThatDoesNotExistIsAnErrorThatSaysWhere() throws Exception {
        currentContext("gone");
        var e = assertThrows(IllegalStateException.class, () -> DockerEnvironment.resolve(Map.of(), home));
        assertEquals(true, e.getMessage().contains("docker context \"gone\""), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            unix:///var/run/docker.sock, localhost
            tcp://10.1.2.3:2375,          10.1.2.3
            tcp://docker.example:2376,    docker.example
            '',                           localhost
            """)
    void publishedPortsAnswerOnTheEngineHost(String dockerHost, String expected) {
        Map<String, String> env = dockerHost.isEmpty() ? Map.of() : Map.of("DOCKER_HOST", dockerHost);
        assertEquals(expected, DockerEnvironment.publishedHost(env));
    }

    @Test
    void testcontainersHostOverrideWins() {
        assertEquals("gw", DockerEnvironment.publishedHost(Map.of("DOCKER_HOST", "tcp://a:1", "TESTCONTAINERS_HOST_OVERRIDE", "gw")));
    }
}
