package dev.jcompose.spec;

import dev.jcompose.spec.bind.ProjectBinder;
import dev.jcompose.spec.env.DotEnv;
import dev.jcompose.spec.interpolation.TemplateVariables;
import dev.jcompose.spec.merge.TreeMerger;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.YamlReader;
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
 * canonicalise → extends → include ({@link FileTrees}); then merge → project name → bind and check → profiles. Reading files is its only I/O; the environment comes
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

        Map<String, String> interpolationEnv = withProjectNameVariable(env, options, files, projectDir);
        FileTrees trees = new FileTrees(interpolationEnv, options.environment(), !options.skips(LoadOptions.Skip.INTERPOLATION), problems,
                warnings, unset, List.of());
        List<MapNode> loaded = new ArrayList<>();
        for (Path file : files) {
            try {
                loaded.add(trees.resolved(file));
            } catch (ComposeException e) {
                problems.addAll(e.diagnostics());
            }
        }
        problems.throwIfAny();
        for (String name : unset) warnings.add("The \"" + name + "\" variable is not set. Defaulting to a blank string.");

        MapNode merged = TreeMerger.merge(loaded);
        String name = projectName(options, env, merged, projectDir, problems);
        Project all = new ProjectBinder(problems, options, warnings).bind(merged, name, projectDir, files, env);
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

    /** The variables the files use, with their defaults ({@code config --variables}); values only, as interpolation reads them. */
    public static java.util.SortedMap<String, TemplateVariables.Variable> variables(LoadOptions options) {
        java.util.SortedMap<String, TemplateVariables.Variable> out = new TreeMap<>();
        for (Path file : ConfigFiles.resolve(options)) scanValues(YamlReader.readDocument(file.toString(), FileTrees.read(file)), out);
        return out;
    }

    private static void scanValues(dev.jcompose.spec.yaml.YamlNode node, java.util.SortedMap<String, TemplateVariables.Variable> into) {
        if (node instanceof MapNode map) {
            for (MapNode.Entry e : map.entries()) scanValues(e.value(), into);
        } else if (node instanceof dev.jcompose.spec.yaml.ListNode list) {
            list.items().forEach(i -> scanValues(i, into));
        } else if (node instanceof dev.jcompose.spec.yaml.ScalarNode sc && sc.kind() == dev.jcompose.spec.yaml.ScalarNode.Kind.STRING) {
            TemplateVariables.scan(sc.value(), into);
        }
    }

    /** Where {@code services.<service>.depends_on.<dependency>} was written (the canonical form keeps key locations). */
    private static Location dependencyLocation(MapNode merged, String service, String dependency) {
        if (merged.get("services") instanceof MapNode services && services.get(service) instanceof MapNode svc
                && svc.get("depends_on") instanceof MapNode deps && deps.entryMap().containsKey(dependency)) {
            return deps.entryMap().get(dependency).keyLocation();
        }
        return Location.UNKNOWN;
    }

    /**
     * The environment with {@code COMPOSE_PROJECT_NAME}, which compose offers to interpolation. It is worked out
     * only when a file asks for it (-p, else the environment, else the files' {@code name:}, else the folder).
     */
    private static Map<String, String> withProjectNameVariable(Map<String, String> env, LoadOptions options, List<Path> files,
                                                               Path projectDir) {
        if (env.containsKey("COMPOSE_PROJECT_NAME") && options.projectName() == null) return env;
        return new java.util.AbstractMap<>() {
            private String name;

            @Override
            public String get(Object key) {
                if (!"COMPOSE_PROJECT_NAME".equals(key)) return env.get(key);
                if (name == null) name = earlyProjectName(env, options, files, projectDir);
                return name;
            }

            @Override
            public Set<Map.Entry<String, String>> entrySet() {
                return env.entrySet();
            }
        };
    }

    private static String earlyProjectName(Map<String, String> env, LoadOptions options, List<Path> files, Path projectDir) {
        if (options.projectName() != null && !options.projectName().isEmpty()) return options.projectName();
        String fromFiles = null;
        for (Path f : files) {
            try {
                if (YamlReader.readDocument(f.toString(), FileTrees.read(f)).get("name") instanceof dev.jcompose.spec.yaml.ScalarNode n && !n.isNull()) {
                    fromFiles = new dev.jcompose.spec.interpolation.Interpolator(env::get, x -> { }).interpolate(n.value());
                }
            } catch (ComposeException | dev.jcompose.spec.interpolation.InterpolationException e) {
                // the real load reports it
            }
        }
        if (fromFiles != null) return fromFiles;
        return ProjectName.normalize(projectDir.getFileName() == null ? "" : projectDir.getFileName().toString());
    }

    /** The process environment over the {@code .env} file (or the {@code --env-file}s, or {@code COMPOSE_ENV_FILES}, in order). */
    static TreeMap<String, String> environment(LoadOptions options, Path projectDir) {
        TreeMap<String, String> env = new TreeMap<>();
        List<Path> envFiles = new ArrayList<>();
        List<String> given = options.envFiles();
        String fromEnv = options.environment().get("COMPOSE_ENV_FILES");
        if (given.isEmpty() && fromEnv != null && !fromEnv.isBlank()) given = List.of(fromEnv.split(","));
        boolean explicit = !given.isEmpty();
        if (explicit) {
            for (String f : given) envFiles.add(options.workingDir().resolve(f.strip()).normalize());
        } else {
            envFiles.add(projectDir.resolve(".env"));
        }
        for (Path f : envFiles) {
            if (!Files.isRegularFile(f)) {
                // an explicit FIFO or folder is named as what it is; reading it would block or fail. The default .env
                // is refused too when it is a FIFO, socket or device, but a folder of that name (a Python virtualenv's
                // usual name) is no env file and is passed over, as a missing one is
                if (Files.exists(f) && (explicit || !Files.isDirectory(f))) TextFiles.read(f, TextFiles.ENV_FILE);
                if (explicit) throw new ComposeException(new Diagnostic(Location.of(f.toString()), "", "env file not found",
                        "check the --env-file path"));
                continue;
            }
            Map<String, String> base = new TreeMap<>(options.environment());
            env.putAll(DotEnv.parse(f.toString(), TextFiles.read(f, TextFiles.ENV_FILE), base));
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
        if (merged.get("name") != null && !(merged.get("name") instanceof dev.jcompose.spec.yaml.ScalarNode)) {
            problems.add(merged.get("name"), "name", "must be a string, found " + merged.get("name").kindName());
            return "invalid";
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
