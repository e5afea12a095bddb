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
        return (MapNode) walk(root, "");
    }

    private YamlNode walk(YamlNode node, String path) {
        if (node instanceof MapNode map) {
            List<MapNode.Entry> out = new ArrayList<>(map.size());
            for (MapNode.Entry e : map.entries()) {
                String childPath = path.isEmpty() ? e.key() : path + "." + e.key();
                out.add(new MapNode.Entry(e.key(), e.keyLocation(), walk(e.value(), childPath)));
            }
            return new MapNode(out, map.location(), map.tag());
        }
        if (node instanceof ListNode list) {
            List<YamlNode> out = new ArrayList<>(list.items().size());
            for (int i = 0; i < list.items().size(); i++) out.add(walk(list.items().get(i), path + "[" + i + "]"));
            return new ListNode(out, list.location(), list.tag());
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.kind() != ScalarNode.Kind.STRING || scalar.value().indexOf('$') < 0) return scalar;
        try {
            return scalar.withValue(interpolator.interpolate(scalar.value()));
        } catch (InterpolationException e) {
            problems.add(scalar, path, e.getMessage());
            return scalar;
        }
    }
}
