package dev.jcompose.spec;

import dev.jcompose.spec.interpolation.Interpolator;
import dev.jcompose.spec.interpolation.TreeInterpolation;
import dev.jcompose.spec.merge.Canonicalizer;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-file passes of a load, for one environment: read with locations → interpolate → canonicalise (cached, as
 * extends may name a file again) → extends → include. An included project gets its own instance, with the
 * environment of its own {@code .env}.
 */
final class FileTrees {
    private final Map<String, String> env;
    private final Map<String, String> processEnvironment;
    private final boolean interpolate;
    private final Problems problems;
    private final List<String> warnings;
    private final Set<String> unset;
    private final List<Path> includeChain;
    private final Map<Path, MapNode> canonical = new HashMap<>();
    private final Extends extendsPass;

    /**
     * @param env                what interpolation reads: the process environment over the project's .env
     * @param processEnvironment the process environment alone, which wins in included projects too
     */
    FileTrees(Map<String, String> env, Map<String, String> processEnvironment, boolean interpolate, Problems problems,
              List<String> warnings, Set<String> unset, List<Path> includeChain) {
        this.env = env;
        this.processEnvironment = processEnvironment;
        this.interpolate = interpolate;
        this.problems = problems;
        this.warnings = warnings;
        this.unset = unset;
        this.includeChain = includeChain;
        this.extendsPass = new Extends(this::canonical, problems);
    }

    /** A file with extends and include applied; problems go to the load's list. */
    MapNode resolved(Path file) {
        MapNode tree = extendsPass.apply(canonical(file), file);
        return new Includes(this, problems).apply(tree, file);
    }

    MapNode canonical(Path file) {
        MapNode cached = canonical.get(file);
        if (cached != null) return cached;
        MapNode tree = YamlReader.readDocument(file.toString(), read(file));
        if (tree.has("version")) {
            warnings.add(file + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
        }
        if (interpolate) tree = new TreeInterpolation(new Interpolator(env::get, unset::add), problems).apply(tree);
        tree = Canonicalizer.apply(tree);
        canonical.put(file, tree);
        return tree;
    }

    /** The same passes for an included project, with its own environment, one level deeper in the include chain. */
    FileTrees forInclude(Path file, Map<String, String> includedEnv) {
        List<Path> chain = new ArrayList<>(includeChain);
        chain.add(file);
        return new FileTrees(includedEnv, processEnvironment, interpolate, problems, warnings, unset, chain);
    }

    List<Path> includeChain() {
        return includeChain;
    }

    Map<String, String> env() {
        return env;
    }

    Map<String, String> processEnvironment() {
        return processEnvironment;
    }

    /** A Compose file's text, within {@link TextFiles#COMPOSE_FILE}'s limit. */
    static String read(Path file) {
        return TextFiles.read(file, TextFiles.COMPOSE_FILE);
    }
}
