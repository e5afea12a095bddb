package dev.jcompose.spec.yaml;

import dev.jcompose.spec.Location;
import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record ListNode(List<YamlNode> items, Location location, String tag) implements YamlNode {
    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(items.size());
        for (YamlNode item : items) out.add(item.toPlain());
        return out;
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
