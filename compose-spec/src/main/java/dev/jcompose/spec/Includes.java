package dev.jcompose.spec;

import dev.jcompose.spec.env.DotEnv;
import dev.jcompose.spec.merge.TreeMerger;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies a file's {@code include}: each entry is loaded as a project of its own (its folder, or
 * {@code project_directory}, for relative paths; its {@code .env}, or {@code env_file}, over the process environment
 * for interpolation), then its services, networks, volumes, secrets and configs join the including file. A name
 * defined on both sides is a conflict, as the specification asks; an include cycle is reported.
 */
final class Includes {
    private static final List<String> SECTIONS = List.of("services", "networks", "volumes", "secrets", "configs");

    private final FileTrees trees;
    private final Problems problems;

    Includes(FileTrees trees, Problems problems) {
        this.trees = trees;
        this.problems = problems;
    }

    MapNode apply(MapNode root, Path file) {
        YamlNode include = root.get("include");
        if (include == null) return root;
        List<YamlNode> entries = include instanceof ListNode l ? l.items() : List.of(include);
        Map<String, MapNode.Entry> out = new LinkedHashMap<>();
        for (MapNode.Entry e : root.entries()) if (!e.key().equals("include")) out.put(e.key(), e);
        for (YamlNode entry : entries) {
            MapNode included = load(entry, file);
            if (included != null) importInto(out, included, entry, file);
        }
        return new MapNode(List.copyOf(out.values()), root.location(), root.tag());
    }

    private MapNode load(YamlNode entry, Path file) {
        Path dir = file.getParent();
        List<String> paths = new ArrayList<>();
        String projectDirectory = null;
        List<String> envFiles = new ArrayList<>();
        if (entry instanceof ScalarNode s && !s.isNull()) {
            paths.add(s.value());
        } else if (entry instanceof MapNode m) {
            if (!strings(m.get("path"), "include.path", paths) || !strings(m.get("env_file"), "include.env_file", envFiles)) return null;
            if (m.get("project_directory") instanceof ScalarNode s) projectDirectory = s.value();
            else if (m.get("project_directory") != null) {
                problems.add(m.get("project_directory"), "include.project_directory", "must be a string, found " + m.get("project_directory").kindName());
                return null;
            }
        } else {
            problems.add(entry, "include", "an include is a path, or a mapping with path, project_directory and env_file");
            return null;
        }
        if (paths.isEmpty()) {
            problems.add(entry, "include", "an include needs a path", "write include: [path/to/compose.yaml]");
            return null;
        }
        List<Path> files = paths.stream().map(p -> dir.resolve(p).normalize()).toList();
        for (Path f : files) {
            if (f.equals(file) || trees.includeChain().contains(f)) {
                problems.add(entry, "include", "include cycle: " + f + " includes itself, directly or through others");
                return null;
            }
            if (!Files.isRegularFile(f)) {
                problems.add(entry, "include", "included file " + f + " " + TextFiles.notRegular(f).orElse("not found"));
                return null;
            }
        }
        Path projectDir = projectDirectory != null ? dir.resolve(projectDirectory).normalize() : files.get(0).getParent();
        Map<String, String> env = new TreeMap<>();
        List<Path> envPaths = envFiles.isEmpty() ? List.of(projectDir.resolve(".env")) : envFiles.stream().map(p -> dir.resolve(p).normalize()).toList();
        boolean explicit = !envFiles.isEmpty();
        for (Path envFile : envPaths) {
            Optional<String> odd = TextFiles.notRegular(envFile);
            if (Files.isRegularFile(envFile)) {
                env.putAll(DotEnv.parse(envFile.toString(), TextFiles.read(envFile, TextFiles.ENV_FILE), trees.env()));
            } else if (odd.isPresent() && (explicit || !Files.isDirectory(envFile))) {
                // as the project's own .env: a FIFO, socket or device is refused (reading it would block), not passed over
                problems.add(entry, "include", "env file " + envFile + " " + odd.get());
            } else if (explicit) {
                problems.add(entry, "include", "env file " + envFile + " not found");
            }
            // the default .env missing, or a folder of that name (a Python virtualenv's usual name): no env file
        }
        env.putAll(trees.processEnvironment());
        FileTrees sub = trees.forInclude(file, env);
        List<MapNode> loaded = new ArrayList<>();
        for (Path f : files) loaded.add(sub.resolved(f));
        return rebase(TreeMerger.merge(loaded), projectDir);
    }

    /** A string or a list of strings into {@code into}; false after reporting anything else. */
    private boolean strings(YamlNode node, String path, List<String> into) {
        if (node == null) return true;
        List<YamlNode> items = node instanceof ListNode l ? l.items() : List.of(node);
        for (YamlNode item : items) {
            if (!(item instanceof ScalarNode s) || s.isNull()) {
                problems.add(item, path, "must be a string or a list of strings, found " + item.kindName());
                return false;
            }
            into.add(s.value());
        }
        return true;
    }

    private static MapNode rebase(MapNode tree, Path projectDir) {
        MapNode out = tree;
        if (tree.get("services") instanceof MapNode services) {
            List<MapNode.Entry> rebased = new ArrayList<>();
            for (MapNode.Entry e : services.entries()) {
                YamlNode v = e.value() instanceof MapNode svc ? PathRebase.service(svc, projectDir) : e.value();
                rebased.add(new MapNode.Entry(e.key(), e.keyLocation(), v));
            }
            out = out.with("services", null, new MapNode(rebased, services.location(), services.tag()));
        }
        for (String section : List.of("secrets", "configs")) {
            if (!(tree.get(section) instanceof MapNode resources)) continue;
            List<MapNode.Entry> rebased = new ArrayList<>();
            for (MapNode.Entry e : resources.entries()) {
                YamlNode v = e.value() instanceof MapNode r ? PathRebase.fileResource(r, projectDir) : e.value();
                rebased.add(new MapNode.Entry(e.key(), e.keyLocation(), v));
            }
            out = out.with(section, null, new MapNode(rebased, resources.location(), resources.tag()));
        }
        return out;
    }

    private void importInto(Map<String, MapNode.Entry> root, MapNode included, YamlNode entry, Path file) {
        for (String section : SECTIONS) {
            if (!(included.get(section) instanceof MapNode incoming)) continue;
            MapNode.Entry existing = root.get(section);
            Map<String, MapNode.Entry> merged = new LinkedHashMap<>();
            if (existing != null && existing.value() instanceof MapNode mine) merged.putAll(mine.entryMap());
            for (MapNode.Entry e : incoming.entries()) {
                MapNode.Entry clash = merged.get(e.key());
                if (clash != null) {
                    problems.add(new Diagnostic(clash.keyLocation(), section + "." + e.key(),
                            "conflicts with the " + section.substring(0, section.length() - 1) + " of the same name in included file "
                                    + e.keyLocation().file(), "rename one of them, or override it with -f instead of include"));
                    continue;
                }
                merged.put(e.key(), e);
            }
            MapNode node = new MapNode(List.copyOf(merged.values()), existing != null ? existing.value().location() : incoming.location(), null);
            root.put(section, new MapNode.Entry(section, existing != null ? existing.keyLocation() : incoming.location(), node));
        }
    }
}
