package dev.jcompose.spec;

import dev.jcompose.spec.bind.ProjectBinder;
import dev.jcompose.spec.env.DotEnv;
import dev.jcompose.spec.interpolation.Interpolator;
import dev.jcompose.spec.interpolation.TreeInterpolation;
import dev.jcompose.spec.merge.Canonicalizer;
import dev.jcompose.spec.merge.TreeMerger;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads Compose files into a {@link Project} through small passes: per file read (with locations) → interpolate →
 * canonicalise; then merge → project name → bind and check. Reading files is its only I/O; the environment comes
 * in with the options. Every problem of the load is reported together in one {@link ComposeException}.
 */
public final class ComposeLoader {
    private ComposeLoader() {}

    public static LoadedProject load(LoadOptions options) {
        List<Path> files = ConfigFiles.resolve(options);
        Path projectDir = options.projectDirectory() != null
                ? options.workingDir().resolve(options.projectDirectory()).normalize()
                : files.get(0).getParent();
        TreeMap<String, String> env = environment(options, projectDir);
        Set<String> unset = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        Problems problems = new Problems();
        Interpolator interpolator = new Interpolator(env::get, unset::add);

        List<MapNode> trees = new ArrayList<>();
        for (Path file : files) {
            try {
                MapNode tree = YamlReader.readDocument(file.toString(), read(file));
                if (tree.has("version")) {
                    warnings.add(file + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
                }
                if (options.interpolate()) tree = new TreeInterpolation(interpolator, problems).apply(tree);
                trees.add(Canonicalizer.apply(tree));
            } catch (ComposeException e) {
                problems.addAll(e.diagnostics());
            }
        }
        problems.throwIfAny();
        for (String name : unset) warnings.add("The \"" + name + "\" variable is not set. Defaulting to a blank string.");

        MapNode merged = TreeMerger.merge(trees);
        String name = projectName(options, env, merged, projectDir, problems);
        Project all = new ProjectBinder(problems).bind(merged, name, projectDir, files, env);
        problems.throwIfAny();
        for (String t : options.targets()) {
            if (!all.services().containsKey(t)) {
                problems.add(new Diagnostic(Location.UNKNOWN, "", "no such service: " + t,
                        Suggestions.didYouMean(t, all.services().keySet())));
            }
        }
        Project project = Profiles.apply(all, Profiles.active(options.profiles(), env), options.targets(), problems, warnings,
                (service, dependency) -> dependencyLocation(merged, service, dependency));
        problems.throwIfAny();
        return new LoadedProject(project, warnings, env, Profiles.defined(all));
    }

    /** Where {@code services.<service>.depends_on.<dependency>} was written (the canonical form keeps key locations). */
    private static Location dependencyLocation(MapNode merged, String service, String dependency) {
        if (merged.get("services") instanceof MapNode services && services.get(service) instanceof MapNode svc
                && svc.get("depends_on") instanceof MapNode deps && deps.entryMap().containsKey(dependency)) {
            return deps.entryMap().get(dependency).keyLocation();
        }
        return Location.UNKNOWN;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            throw new ComposeException(new Diagnostic(Location.of(file.toString()), "", "is not UTF-8 text"));
        } catch (IOException e) {
            throw new ComposeException(new Diagnostic(Location.of(file.toString()), "", "cannot be read: " + e.getMessage()));
        }
    }

    /** The process environment over the {@code .env} file (or the {@code --env-file}s, in order). */
    static TreeMap<String, String> environment(LoadOptions options, Path projectDir) {
        TreeMap<String, String> env = new TreeMap<>();
        List<Path> envFiles = new ArrayList<>();
        boolean explicit = !options.envFiles().isEmpty();
        if (explicit) {
            for (String f : options.envFiles()) envFiles.add(options.workingDir().resolve(f).normalize());
        } else {
            envFiles.add(projectDir.resolve(".env"));
        }
        for (Path f : envFiles) {
            if (!Files.isRegularFile(f)) {
                if (explicit) throw new ComposeException(new Diagnostic(Location.of(f.toString()), "", "env file not found",
                        "check the --env-file path"));
                continue;
            }
            Map<String, String> base = new TreeMap<>(options.environment());
            env.putAll(DotEnv.parse(f.toString(), read(f), base));
        }
        env.putAll(options.environment());
        return env;
    }

    private static String projectName(LoadOptions options, Map<String, String> env, MapNode merged, Path projectDir,
                                      Problems problems) {
        String explicit = options.projectName();
        String source = "-p";
        if (explicit == null || explicit.isEmpty()) {
            explicit = env.get("COMPOSE_PROJECT_NAME");
            source = "COMPOSE_PROJECT_NAME";
        }
        if ((explicit == null || explicit.isEmpty()) && merged.get("name") instanceof dev.jcompose.spec.yaml.ScalarNode n && !n.isNull()) {
            if (!ProjectName.isValid(n.value())) {
                problems.add(n, "name", ProjectName.invalidMessage(n.value()));
                return "invalid";
            }
            return n.value();
        }
        if (explicit != null && !explicit.isEmpty()) {
            if (!ProjectName.isValid(explicit)) {
                problems.add(new Diagnostic(Location.UNKNOWN, source, ProjectName.invalidMessage(explicit)));
                return "invalid";
            }
            return explicit;
        }
        String fromDir = ProjectName.normalize(projectDir.getFileName() == null ? "" : projectDir.getFileName().toString());
        if (fromDir.isEmpty()) {
            problems.add(new Diagnostic(Location.of(projectDir.toString()), "",
                    "cannot make a project name from the directory name", "set one with -p NAME or name: in the file"));
            return "invalid";
        }
        return fromDir;
    }
}
