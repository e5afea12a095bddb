package dev.jcompose.cli;

import dev.jcompose.planner.PullPolicy;
import dev.jcompose.spec.bind.ShortSyntax;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.ServiceVolume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code run}'s flag values turned into the model's types, with the loader's own short-syntax parsers, so that
 * {@code -p 8080:80} means on the command line what {@code ports: ["8080:80"]} means in a file. A bad value is a
 * {@link Bad} naming the flag and the value: a usage error, found before anything is changed.
 */
final class RunArguments {
    private RunArguments() {}

    /** A flag value that cannot be used; its message names the flag and says why. */
    static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message);
        }
    }

    /** The engine's rule for container names, checked here so that a bad {@code --name} changes nothing. */
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    static List<PortConfig> ports(List<String> specs) {
        List<PortConfig> out = new ArrayList<>();
        for (String spec : specs) {
            try {
                out.addAll(ShortSyntax.ports(spec));
            } catch (IllegalArgumentException e) {
                throw new Bad("--publish " + spec + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** @param warnings told of a mode that is parsed but ignored, naming the flag */
    static List<ServiceVolume> volumes(List<String> specs, Path projectDir, String home, Consumer<String> warnings) {
        List<ServiceVolume> out = new ArrayList<>();
        for (String spec : specs) {
            try {
                out.add(ShortSyntax.volume(spec, projectDir, home, w -> warnings.accept("--volume " + spec + ": " + w)));
            } catch (IllegalArgumentException e) {
                throw new Bad("--volume " + spec + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** {@code --entrypoint}: null when not given; split as compose splits a string entrypoint; {@code ''} is none. */
    static List<String> entrypoint(String line) {
        if (line == null) return null;
        try {
            return ShortSyntax.words(line);
        } catch (IllegalArgumentException e) {
            throw new Bad("--entrypoint " + line + ": " + e.getMessage());
        }
    }

    /** {@code -l KEY=VAL}, the last of one key winning. */
    static SortedMap<String, String> labels(List<String> specs) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            // docker compose's words
            if (eq <= 0) throw new Bad("--label " + spec + ": label must be set as KEY=VALUE");
            out.put(spec.substring(0, eq), spec.substring(eq + 1));
        }
        return out;
    }

    /** {@code -e KEY=VAL}, or {@code -e KEY} for the value jcompose's environment has (left out when it has none). */
    static SortedMap<String, String> environment(List<String> specs, Map<String, String> env) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String kv : specs) {
            int eq = kv.indexOf('=');
            if (eq > 0) out.put(kv.substring(0, eq), kv.substring(eq + 1));
            else if (env.containsKey(kv)) out.put(kv, env.get(kv));
        }
        return out;
    }

    /** {@code --pull}: null or {@code policy} (the default, as docker compose's help names it) for each service's own. */
    static PullPolicy pull(String value) {
        if (value == null || value.equals("policy")) return PullPolicy.SERVICE;
        return PullPolicy.ofFlag(value).orElseThrow(() ->
                new Bad("invalid --pull value \"" + value + "\": use always, missing or never"));
    }

    /** {@code --name}: null when not given or empty (then compose's one-off name, as in docker compose). */
    static String name(String value) {
        if (value == null || value.isEmpty()) return null;
        if (!CONTAINER_NAME.matcher(value).matches()) {
            throw new Bad("--name " + value + ": invalid container name: only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed,"
                    + " at least two characters");
        }
        return value;
    }
}
