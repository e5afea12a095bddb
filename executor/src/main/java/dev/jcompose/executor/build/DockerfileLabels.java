package dev.jcompose.executor.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Puts an image's labels into its Dockerfile as one {@code LABEL} instruction at the end of the stage that is
 * built. The classic builder turns the build call's {@code labels} parameter into one {@code LABEL} step per label,
 * each a container and a commit (about a tenth of a second apiece); one instruction is one step. Labels go into
 * the stage the build targets (the last one without a target), after its own instructions.
 */
public final class DockerfileLabels {
    private DockerfileLabels() {}

    /**
     * The Dockerfile with the labels added, or empty when this cannot be done safely (a value with a line break,
     * a target stage not found): then the caller passes them to the builder as before.
     */
    public static Optional<String> add(String dockerfile, String target, Map<String, String> labels) {
        if (labels.isEmpty()) return Optional.of(dockerfile);
        StringBuilder label = new StringBuilder("LABEL");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getKey().contains("\n") || e.getValue().contains("\n")) return Optional.empty();
            label.append(' ').append(quote(e.getKey())).append('=').append(quote(e.getValue()));
        }
        String[] lines = dockerfile.split("\n", -1);
        char escape = escapeChar(lines);
        if (target == null) return Optional.of(withoutTrailingContinuation(dockerfile, escape) + "\n" + label + "\n");
        // the line index where each logical line starts, and whether it is a FROM naming the target
        int insertAt = -1;
        boolean inTarget = false;
        boolean continued = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean startsInstruction = !continued && !line.isEmpty() && !line.startsWith("#");
            if (startsInstruction) {
                String[] words = line.split("\\s+");
                if (words[0].equalsIgnoreCase("FROM")) {
                    if (inTarget) {
                        insertAt = i;
                        break;
                    }
                    inTarget = words.length >= 4 && words[words.length - 2].equalsIgnoreCase("AS")
                            && words[words.length - 1].toLowerCase(Locale.ROOT).equals(target.toLowerCase(Locale.ROOT));
                }
            }
            if (!line.startsWith("#") || continued) continued = !line.isEmpty() && line.charAt(line.length() - 1) == escape;
        }
        if (insertAt < 0 && !inTarget) return Optional.empty(); // no such stage: the builder says so
        if (insertAt < 0) return Optional.of(withoutTrailingContinuation(dockerfile, escape) + "\n" + label + "\n");
        List<String> out = new ArrayList<>(List.of(lines));
        out.add(insertAt, label.toString());
        return Optional.of(String.join("\n", out));
    }

    /** A double-quoted Dockerfile word: backslash, quote and {@code $} escaped, so nothing is expanded. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
    }

    /** The escape character: {@code \}, or what a leading {@code # escape=} parser directive says. */
    static char escapeChar(String[] lines) {
        for (String raw : lines) {
            String line = raw.strip();
            if (!line.startsWith("#")) break; // directives come before anything else
            String directive = line.substring(1).strip().toLowerCase(Locale.ROOT);
            if (directive.startsWith("escape") && directive.contains("=")) {
                String value = directive.substring(directive.indexOf('=') + 1).strip();
                if (value.length() == 1) return value.charAt(0);
            }
        }
        return '\\';
    }

    /** A file whose last line ends in a continuation would swallow the added line: close it. */
    private static String withoutTrailingContinuation(String dockerfile, char escape) {
        String trimmed = dockerfile.stripTrailing();
        return trimmed.endsWith(String.valueOf(escape)) ? trimmed.substring(0, trimmed.length() - 1) : dockerfile.stripTrailing();
    }
}
