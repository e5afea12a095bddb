package dev.jcompose.spec;

import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the relative paths of a piece of one file absolute against that file's own folder, before it joins
 * another file's project ({@code extends: {file:}}, {@code include}), whose folder would otherwise be used.
 */
final class PathRebase {
    private PathRebase() {}

    /** A service's relative paths (build context, env_file, bind mounts), made absolute against {@code dir}. */
    static MapNode service(MapNode svc, Path dir) {
        List<MapNode.Entry> out = new ArrayList<>();
        for (MapNode.Entry e : svc.entries()) {
            YamlNode v = e.value();
            switch (e.key()) {
                case "build":
                    if (v instanceof MapNode b && b.get("context") instanceof ScalarNode c && isRelative(c.value())) {
                        v = b.with("context", null, c.withValue(dir.resolve(c.value()).normalize().toString()));
                    }
                    break;
                case "env_file":
                    if (v instanceof ListNode l) {
                        List<YamlNode> items = new ArrayList<>();
                        for (YamlNode item : l.items()) {
                            if (item instanceof ScalarNode s && isRelative(s.value())) item = s.withValue(dir.resolve(s.value()).normalize().toString());
                            else if (item instanceof MapNode m && m.get("path") instanceof ScalarNode s && isRelative(s.value())) {
                                item = m.with("path", null, s.withValue(dir.resolve(s.value()).normalize().toString()));
                            }
                            items.add(item);
                        }
                        v = new ListNode(items, l.location(), l.tag());
                    }
                    break;
                case "volumes":
                    if (v instanceof ListNode l) {
                        List<YamlNode> items = new ArrayList<>();
                        for (YamlNode item : l.items()) {
                            if (item instanceof ScalarNode s && s.value().startsWith(".")) {
                                int colon = s.value().indexOf(':');
                                String source = colon < 0 ? s.value() : s.value().substring(0, colon);
                                item = s.withValue(dir.resolve(source).normalize() + (colon < 0 ? "" : s.value().substring(colon)));
                            } else if (item instanceof MapNode m && m.get("source") instanceof ScalarNode s && s.value().startsWith(".")) {
                                item = m.with("source", null, s.withValue(dir.resolve(s.value()).normalize().toString()));
                            }
                            items.add(item);
                        }
                        v = new ListNode(items, l.location(), l.tag());
                    }
                    break;
                default:
                    break;
            }
            out.add(new MapNode.Entry(e.key(), e.keyLocation(), v));
        }
        return new MapNode(out, svc.location(), svc.tag());
    }

    /** A top-level secret or config with {@code file:}. */
    static MapNode fileResource(MapNode resource, Path dir) {
        if (resource.get("file") instanceof ScalarNode f && isRelative(f.value())) {
            return resource.with("file", null, f.withValue(dir.resolve(f.value()).normalize().toString()));
        }
        return resource;
    }

    static boolean isRelative(String path) {
        return !path.startsWith("/") && !path.contains("://") && !path.startsWith("~");
    }
}
