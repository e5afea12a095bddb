package dev.jcompose.spec;

import dev.jcompose.spec.merge.TreeMerger;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves {@code extends} in one file's canonical tree: the base service (from the same file, or from
 * {@code file:}) is resolved first, its relative paths made absolute against its own file's folder, then the
 * extending service is merged over it with the usual per-attribute rules. A cycle is reported with its path.
 */
final class Extends {
    /** A file's canonical tree, already interpolated, read once per load. */
    private final Function<Path, MapNode> files;
    private final Problems problems;
    private final Map<String, MapNode> resolved = new LinkedHashMap<>();
    private final java.util.Set<java.util.Set<String>> reportedCycles = new java.util.HashSet<>();

    Extends(Function<Path, MapNode> files, Problems problems) {
        this.files = files;
        this.problems = problems;
    }

    MapNode apply(MapNode root, Path file) {
        if (!(root.get("services") instanceof MapNode services)) return root;
        List<MapNode.Entry> out = new ArrayList<>();
        boolean changed = false;
        for (MapNode.Entry e : services.entries()) {
            YamlNode v = e.value() instanceof MapNode svc && svc.has("extends") ? resolve(file, e.key(), new ArrayList<>()) : e.value();
            changed |= v != e.value();
            out.add(new MapNode.Entry(e.key(), e.keyLocation(), v == null ? e.value() : v));
        }
        return changed ? root.with("services", null, new MapNode(out, services.location(), services.tag())) : root;
    }

    /** The service with its extends applied, or null after reporting a problem. */
    private MapNode resolve(Path file, String name, List<String> chain) {
        String id = file + "#" + name;
        if (resolved.containsKey(id)) return resolved.get(id);
        MapNode root = files.apply(file);
        YamlNode node = root.get("services") instanceof MapNode s ? s.get(name) : null;
        if (!(node instanceof MapNode svc)) return null;
        if (chain.contains(id)) {
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(id), chain.size()));
            if (!reportedCycles.add(new java.util.HashSet<>(cycle))) return null; // one report per cycle
            cycle.add(id);
            problems.add(svc.get("extends"), "services." + name + ".extends", "circular reference: "
                    + String.join(" -> ", cycle.stream().map(c -> c.substring(c.indexOf('#') + 1)).toList()),
                    "remove one of these extends");
            return null;
        }
        YamlNode ext = svc.get("extends");
        if (ext == null) {
            resolved.put(id, svc);
            return svc;
        }
        String baseName;
        Path baseFile = file;
        if (ext instanceof ScalarNode sc && !sc.isNull()) {
            baseName = sc.value();
        } else if (ext instanceof MapNode m && m.get("service") instanceof ScalarNode s && !s.isNull()
                && (m.get("file") == null || m.get("file") instanceof ScalarNode f && !f.isNull())) {
            baseName = s.value();
            if (m.get("file") instanceof ScalarNode f) baseFile = file.getParent().resolve(f.value()).normalize();
        } else {
            problems.add(ext, "services." + name + ".extends", "must name a service, as extends: NAME or extends: {service: NAME, file: FILE}");
            return null;
        }
        List<String> next = new ArrayList<>(chain);
        next.add(id);
        MapNode baseRoot;
        try {
            baseRoot = files.apply(baseFile);
        } catch (ComposeException e) {
            problems.add(ext, "services." + name + ".extends", "cannot read " + baseFile + ": " + e.getMessage());
            return null;
        }
        if (!(baseRoot.get("services") instanceof MapNode baseServices) || !(baseServices.get(baseName) instanceof MapNode)) {
            problems.add(ext, "services." + name + ".extends", "service \"" + baseName + "\" not found in " + baseFile,
                    baseRoot.get("services") instanceof MapNode bs ? Suggestions.didYouMean(baseName, bs.entryMap().keySet()) : "");
            return null;
        }
        MapNode base = resolve(baseFile, baseName, next);
        if (base == null) return null;
        if (!baseFile.equals(file)) base = PathRebase.service(base, baseFile.getParent());
        MapNode local = without(svc, "extends");
        MapNode result = TreeMerger.mergeService(without(base, "extends"), local, name);
        resolved.put(id, result);
        return result;
    }

    private static MapNode without(MapNode map, String key) {
        List<MapNode.Entry> out = new ArrayList<>();
        for (MapNode.Entry e : map.entries()) if (!e.key().equals(key)) out.add(e);
        return new MapNode(out, map.location(), map.tag());
    }

}
