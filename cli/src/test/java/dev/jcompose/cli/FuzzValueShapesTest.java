package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.spec.testing.SharedConformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Value shapes: every typed attribute of the Compose JSON schema ({@link SchemaSlots}), nested ones included, is
 * given each value of the wrong JSON type and out-of-range numbers, one file per value, through {@code config} and,
 * when that loads, {@code up -d --dry-run} (the binding of a value the loader let through must not fail later as
 * an internal error). Each ends with exit 0 or 3 (1 for a plan that refuses the value), a diagnostic naming
 * {@code compose.yaml:LINE}, never an internal error or a stack trace, within a bound. Seeded: the same schema gives
 * the same cases, in the same order; CI tries a sample of each attribute's values, all of them with
 * {@code -DargLine=-Djcompose.fuzz.full=true}.
 */
class FuzzValueShapesTest {
    /** A value of each JSON type, for slots that do not allow that type. */
    private static final List<List<String>> WRONG_TYPES = List.of(
            List.of("string", "\"text\""), List.of("array", "[x, 1]"), List.of("object", "{a: b}"),
            List.of("boolean", "true"), List.of("number", "42"), List.of("null", "~"));
    /** Numbers out of every range (ports, counts, sizes, durations, 32- and 64-bit values), as numbers and as strings. */
    private static final List<String> OUT_OF_RANGE = List.of("-1", "0", "65536", "2147483648", "-9223372036854775809",
            "18446744073709551616", "1e400", "-.inf", ".nan", "1.5", "0x10", "\"99999999999999999999\"", "\"-1\"", "\"1e400\"");
    /** Shapes inside lists and mappings. */
    private static final List<String> NESTED = List.of("[[x]]", "[{}]", "[~]", "{a: [1]}", "{a: {b: c}}", "\"\"");
    /** Values tried per attribute in CI (all of them with -DargLine=-Djcompose.fuzz.full=true: about 10 000 cases). */
    private static final int PER_SLOT = 4;
    private static final Pattern LOCATED = Pattern.compile("compose\\.yaml:\\d+(:\\d+)?:");

    @TempDir
    Path dir;

    static List<String> values(SchemaSlots.Slot slot) {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> t : WRONG_TYPES) {
            boolean allowed = slot.types().contains(t.get(0)) || (t.get(0).equals("number") && slot.types().contains("integer"));
            if (!allowed) out.add(t.get(1));
        }
        if (slot.types().contains("number") || slot.types().contains("integer") || slot.types().contains("string")) out.addAll(OUT_OF_RANGE);
        out.addAll(NESTED);
        return List.copyOf(out);
    }

    /** The file that puts {@code value} at the slot's path: block style, a line per key; a service has an image. */
    static String render(List<String> path, String value) {
        StringBuilder yaml = new StringBuilder();
        String indent = "";
        for (int i = 0; i < path.size(); i++) {
            String seg = path.get(i);
            boolean last = i == path.size() - 1;
            String key = seg.equals("*") ? (path.get(0).equals("services") && i == 1 ? "app" : "x1") : seg;
            if (seg.equals("[]")) {
                yaml.append(indent).append(last ? "- " + value : "-").append('\n');
            } else {
                yaml.append(indent).append(key).append(':').append(last ? " " + value : "").append('\n');
            }
            indent += "  ";
            if (i == 1 && path.get(0).equals("services") && !(path.size() > 2 && path.get(2).equals("image"))) {
                yaml.append(indent).append("image: busybox\n");
            }
        }
        return yaml.toString();
    }

    @Test
    void everyTypedAttributeWithEveryWrongValueGetsADiagnostic() throws Exception {
        List<SchemaSlots.Slot> slots = SchemaSlots.read(SharedConformance.root().resolve("compose-go/compose-spec.schema.json"));
        assertTrue(slots.size() > 300, "the schema's typed attributes, nested ones included: " + slots.size());
        CliRunner cli = CliRunner.withEngine(dir, new InMemoryEngine()).env("HOME", "/home/fuzz");
        int cases = 0;
        int invalid = 0;
        int planned = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        boolean full = Boolean.getBoolean("jcompose.fuzz.full");
        Random random = new Random(20261202);
        for (SchemaSlots.Slot slot : slots) {
            List<String> values = new ArrayList<>(values(slot));
            if (!full) { // a seeded sample of each slot's values keeps the suite's time in CI's budget
                Collections.shuffle(values, random);
                values = values.subList(0, Math.min(PER_SLOT, values.size()));
            }
            for (String value : values) {
                String yaml = render(slot.path(), value);
                Files.writeString(dir.resolve("compose.yaml"), yaml);
                cases++;
                CliRunner.Result config = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli.run("-p", "fuzz", "config"),
                        () -> "config of " + slot + " = " + value + " did not end");
                String problem = problem(config, false);
                if (problem == null && config.exit() == ExitCodes.OK && !hugeCount(slot, value)) {
                    CliRunner.Result up = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli.run("-p", "fuzz", "up", "-d", "--dry-run"),
                            () -> "up --dry-run of " + slot + " = " + value + " did not end");
                    problem = problem(up, true);
                    planned++;
                }
                if (config.exit() == ExitCodes.INVALID_PROJECT) invalid++;
                if (problem != null) failures.add(slot + " = " + value + ": " + problem + "\n" + yaml);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("value shapes (seed 20261202, %s): %d attributes, %d cases (%d refused with exit 3, %d loaded and planned), %d ms%n",
                full ? "every value" : PER_SLOT + " values an attribute", slots.size(), cases, invalid, planned, millis);
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases broke the rules:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        assertTrue(invalid > cases / 3, "many of these values are wrong, or the cases test little: " + invalid + " of " + cases);
    }

    /**
     * A container count the loader accepts but too large to plan within the bound: {@code scale: 65536} is planned
     * in full (65 536 containers, as docker compose would make them), which takes longer than a case may.
     */
    private static boolean hugeCount(SchemaSlots.Slot slot, String value) {
        String key = slot.path().get(slot.path().size() - 1);
        return (key.equals("scale") || key.equals("replicas")) && value.matches("\\d{5,}");
    }

    /** What is wrong with the result, or null: an exit other than 0 and 3 (and 1 for a plan), a crash, a diagnostic without a line. */
    private static String problem(CliRunner.Result r, boolean plan) {
        if (r.err().contains("internal error") || r.err().contains("\tat ") || r.err().contains("Exception")) return "a crash:\n" + r.err();
        if (r.exit() == ExitCodes.OK) return null;
        if (r.exit() == ExitCodes.INVALID_PROJECT) return LOCATED.matcher(r.err()).find() ? null : "exit 3 without compose.yaml:LINE:\n" + r.err();
        if (plan && r.exit() == ExitCodes.FAILED) return r.err().isBlank() ? "exit 1 without a message" : null;
        return "exit " + r.exit() + ":\n" + r.err();
    }
}
