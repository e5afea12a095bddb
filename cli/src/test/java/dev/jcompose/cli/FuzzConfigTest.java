package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never ends in a stack trace: thousands of mutations of real Compose files (truncated, characters
 * swapped for YAML syntax, lines shuffled or duplicated, values retyped, random bytes) go through {@code config},
 * and each must end with exit 0 or 3 and, for 3, a diagnostic that names the file. Seeded, so a failure repeats.
 */
class FuzzConfigTest {
    private static final String SYNTAX = ":-[]{}\"'\t&*!|>%@`#,?$\n ";
    private static final Path REPO = Path.of(System.getProperty("jcompose.repo.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static List<String> seeds() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPO.resolve("compose-spec/src/test/resources/loader"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("expected")).sorted().toList()) {
                out.add(Files.readString(f));
            }
        }
        out.add(Files.readString(REPO.resolve("samples/hello/compose.yaml")));
        return out;
    }

    @Test
    void mutatedFilesGetADiagnosticNeverACrash() throws IOException {
        List<String> seeds = seeds();
        Random random = new Random(20261123);
        CliRunner cli = CliRunner.withEngine(dir, new InMemoryEngine()).env("HOME", "/home/fuzz");
        Files.createDirectories(dir.resolve("www"));
        int invalid = 0;
        int runs = 3000;
        for (int i = 0; i < runs; i++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            String mutated = mutate(seed, random);
            Files.write(dir.resolve("compose.yaml"), mutated.getBytes(StandardCharsets.UTF_8));
            CliRunner.Result r = cli.run("-p", "fuzz", "config");
            boolean ok = r.exit() == ExitCodes.OK || r.exit() == ExitCodes.INVALID_PROJECT;
            if (!ok || r.err().contains("internal error") || r.err().contains("\tat ") || r.err().contains("Exception")) {
                fail("run " + i + ": exit " + r.exit() + " for input:\n" + mutated + "\n--- stderr:\n" + r.err());
            }
            if (r.exit() == ExitCodes.INVALID_PROJECT) {
                invalid++;
                assertTrue(r.err().contains("compose.yaml") || r.err().startsWith("dependency cycle"),
                        "the diagnostic names the file: " + r.err() + "\nfor:\n" + mutated);
            }
        }
        assertTrue(invalid > runs / 4, "the mutations must mostly produce invalid files, or they test little: " + invalid);
        assertFalse(invalid == runs, "some mutations should still load");
    }

    /** Shapes a mutation rarely reaches: wrong types where the loader reads structure itself (include, extends). */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "include: [{path: [1, {a: b}]}]", "include: [{path: x, env_file: [{}]}]", "include: {path: 3}", "include: [[x]]",
            "include: [{project_directory: [x], path: y}]", "services: {a: {image: b, extends: {service: [x]}}}",
            "services: {a: {image: b, extends: {service: a, file: [x]}}}", "services: {a: {image: b, extends: [a]}}",
            "services: {a: {image: b, env_file: [{path: [x]}]}}", "name: [x]", "name: {a: b}", "services: [a, b]",
            "services: {a: {image: b, ports: [{target: 80, published: [1]}]}}", "x-a: &a [*a]", "services: {a: ~}",
            "services: {a: {image: b, depends_on: {b: [x]}}}", "services: {a: {image: b, networks: [[x]]}}",
            "services: {a: {image: b, environment: [[x]]}}", "volumes: [x]", "networks: {n: [x]}"})
    void oddShapesGetADiagnostic(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml + "\n");
        CliRunner.Result r = CliRunner.withEngine(dir, new InMemoryEngine()).run("-p", "fuzz", "config");
        assertTrue(r.exit() == ExitCodes.INVALID_PROJECT, yaml + " -> " + r);
        assertTrue(r.err().contains("compose.yaml:1:"), "with its line: " + r.err());
    }

    private static String mutate(String seed, Random random) {
        switch (random.nextInt(7)) {
            case 0: // truncated anywhere
                return seed.substring(0, random.nextInt(seed.length() + 1));
            case 1: { // a few characters replaced by YAML syntax
                char[] c = seed.toCharArray();
                for (int k = random.nextInt(4) + 1; k > 0 && c.length > 0; k--) c[random.nextInt(c.length)] = SYNTAX.charAt(random.nextInt(SYNTAX.length()));
                return new String(c);
            }
            case 2: { // lines shuffled
                List<String> lines = new ArrayList<>(List.of(seed.split("\n")));
                Collections.shuffle(lines, random);
                return String.join("\n", lines);
            }
            case 3: { // a line duplicated or dropped
                List<String> lines = new ArrayList<>(List.of(seed.split("\n")));
                int at = random.nextInt(lines.size());
                if (random.nextBoolean()) lines.add(at, lines.get(at));
                else lines.remove(at);
                return String.join("\n", lines);
            }
            case 4: { // a value retyped: "key: value" becomes a list, a mapping, a number or null
                List<String> lines = new ArrayList<>(List.of(seed.split("\n")));
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    String[] replacements = {"[1, 2]", "{a: b}", "42", "~", "true", "\"\"", "- x", "&a b", "*nope"};
                    lines.set(at, line.substring(0, colon + 2) + replacements[random.nextInt(replacements.length)]);
                }
                return String.join("\n", lines);
            }
            case 5: { // indentation broken
                List<String> lines = new ArrayList<>(List.of(seed.split("\n")));
                int at = random.nextInt(lines.size());
                lines.set(at, " ".repeat(random.nextInt(5)) + lines.get(at).strip());
                return String.join("\n", lines);
            }
            default: { // random bytes spliced in
                byte[] noise = new byte[random.nextInt(12) + 1];
                random.nextBytes(noise);
                int at = random.nextInt(seed.length() + 1);
                return seed.substring(0, at) + new String(noise, StandardCharsets.ISO_8859_1) + seed.substring(at);
            }
        }
    }
}
