package dev.jcompose.spec.interpolation;

import dev.jcompose.spec.Problems;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** The interpolation pass over a whole file's tree: values only, never keys; problems collected with their line. */
public final class TreeInterpolation {
    private final Interpolator interpolator;
    private final Problems problems;

    public TreeInterpolation(Interpolator interpolator, Problems problems) {
        this.interpolator = interpolator;
        this.problems = problems;
    }

    public MapNode apply(MapNode root) {
        return (MapNode) walk(root, null);
    }

    /** A path built only when a problem needs it: most values never do. */
    private record Path(Path parent, String key, int index) {
        @Override
        public String toString() {
            String head = parent == null ? "" : parent.toString();
            if (key == null) return head + "[" + index + "]";
            return head.isEmpty() ? key : head + "." + key;
        }
    }

    /** Returns the node itself when nothing below it changed. */
    private YamlNode walk(YamlNode node, Path path) {
        if (node instanceof MapNode map) {
            List<MapNode.Entry> out = null;
            int i = 0;
            for (MapNode.Entry e : map.entries()) {
                YamlNode v = walk(e.value(), new Path(path, e.key(), 0));
                if (v != e.value() && out == null) out = copyOfFirst(map, i);
                if (out != null) out.add(v == e.value() ? e : new MapNode.Entry(e.key(), e.keyLocation(), v));
                i++;
            }
            return out == null ? map : new MapNode(out, map.location(), map.tag());
        }
        if (node instanceof ListNode list) {
            List<YamlNode> out = null;
            for (int i = 0; i < list.items().size(); i++) {
                YamlNode item = list.items().get(i);
                YamlNode v = walk(item, new Path(path, null, i));
                if (v != item && out == null) out = new ArrayList<>(list.items().subList(0, i));
                if (out != null) out.add(v);
            }
            return out == null ? list : new ListNode(out, list.location(), list.tag());
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.kind() != ScalarNode.Kind.STRING || scalar.value().indexOf('$') < 0) return scalar;
        try {
            return scalar.withValue(interpolator.interpolate(scalar.value()));
        } catch (InterpolationException e) {
            problems.add(scalar, path.toString(), e.getMessage());
            return scalar;
        }
    }

    private static List<MapNode.Entry> copyOfFirst(MapNode map, int count) {
        List<MapNode.Entry> out = new ArrayList<>(map.size());
        for (MapNode.Entry e : map.entries()) {
            if (out.size() == count) break;
            out.add(e);
        }
        return out;
    }
}
