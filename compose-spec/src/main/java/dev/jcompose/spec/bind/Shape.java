package dev.jcompose.spec.bind;

import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Problems;
import dev.jcompose.spec.Suggestions;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.Map;

/**
 * The expected shape of an attribute that jcompose keeps without modelling it: enough of the specification's
 * schema to report a wrong type or an unknown nested key at its line, with a "did you mean".
 */
sealed interface Shape {
    /** Checks {@code node} at {@code path}, reporting to {@code problems}. */
    void check(YamlNode node, String path, Problems problems);

    /** A scalar of any type (strings, numbers and booleans convert to each other as compose does). */
    record Scalar() implements Shape {
        public void check(YamlNode node, String path, Problems problems) {
            if (!(node instanceof ScalarNode)) problems.add(node, path, "must be a single value, found " + node.kindName());
        }
    }

    /** A list whose items all have one shape. */
    record ListOf(Shape item) implements Shape {
        public void check(YamlNode node, String path, Problems problems) {
            if (!(node instanceof ListNode list)) {
                problems.add(node, path, "must be a list, found " + node.kindName());
                return;
            }
            for (int i = 0; i < list.items().size(); i++) item.check(list.items().get(i), path + "[" + i + "]", problems);
        }
    }

    /** Either of two shapes (a string or a list, a number or a mapping...). */
    record Either(Shape first, Shape second) implements Shape {
        public void check(YamlNode node, String path, Problems problems) {
            Problems tryFirst = new Problems();
            first.check(node, path, tryFirst);
            if (tryFirst.isEmpty()) return;
            second.check(node, path, problems);
        }
    }

    /** A mapping with known keys; an unknown key is an error unless it is an {@code x-} extension. */
    record Obj(Map<String, Shape> keys) implements Shape {
        /** A mapping whose keys are {@code keys}: scalars, but where {@code shapes} says otherwise. */
        static Obj ofKeys(java.util.Set<String> keys, Map<String, Shape> shapes) {
            Map<String, Shape> all = new java.util.LinkedHashMap<>();
            for (String k : keys) all.put(k, shapes.getOrDefault(k, new Scalar()));
            return new Obj(all);
        }

        public void check(YamlNode node, String path, Problems problems) {
            if (!(node instanceof MapNode map)) {
                problems.add(node, path, "must be a mapping, found " + node.kindName());
                return;
            }
            for (MapNode.Entry e : map.entries()) {
                Shape shape = keys.get(e.key());
                if (shape == null) {
                    if (e.key().startsWith("x-")) continue;
                    problems.add(new Diagnostic(e.keyLocation(), path + "." + e.key(), "unknown attribute \"" + e.key() + "\"",
                            Suggestions.didYouMean(e.key(), keys.keySet())));
                } else if (!(e.value() instanceof ScalarNode sc && sc.isNull())) {
                    shape.check(e.value(), path + "." + e.key(), problems);
                }
            }
        }
    }

    /** A mapping whose values all have one shape (free keys). */
    record MapOf(Shape value) implements Shape {
        public void check(YamlNode node, String path, Problems problems) {
            if (!(node instanceof MapNode map)) {
                problems.add(node, path, "must be a mapping, found " + node.kindName());
                return;
            }
            for (MapNode.Entry e : map.entries()) {
                if (!(e.value() instanceof ScalarNode sc && sc.isNull())) value.check(e.value(), path + "." + e.key(), problems);
            }
        }
    }

    /** Anything: attributes whose content belongs to another tool (develop, models...). */
    record Any() implements Shape {
        public void check(YamlNode node, String path, Problems problems) {
        }
    }
}
