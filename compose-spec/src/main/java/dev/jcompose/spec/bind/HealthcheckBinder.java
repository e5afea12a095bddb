package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.Healthcheck;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.util.List;
import java.util.Set;

/** {@code healthcheck}: the test (canonical: a list), its durations, retries, {@code disable}. */
final class HealthcheckBinder {
    private static final Set<String> TEST_KINDS = Set.of("NONE", "CMD", "CMD-SHELL");

    private final Nodes nodes;

    HealthcheckBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    Healthcheck bind(YamlNode node, String path) {
        MapNode m = nodes.map(node, path);
        if (m == null) return null;
        List<String> test = m.get("test") == null ? null : nodes.strings(m.get("test"), path + ".test");
        if (test != null && !test.isEmpty() && !TEST_KINDS.contains(test.get(0))) {
            nodes.problems().add(m.get("test"), path + ".test", "a test list starts with CMD, CMD-SHELL or NONE, found \"" + test.get(0) + "\"",
                    "write [\"CMD\", \"prog\", \"arg\"], or a string to run it through a shell");
        }
        if (Boolean.TRUE.equals(nodes.bool(m.get("disable"), path, "disable"))) test = List.of("NONE");
        Integer retries = nodes.integer(m.get("retries"), path, "retries");
        if (retries != null && retries < 0) {
            nodes.problems().add(m.get("retries"), path + ".retries", "must not be negative, found " + retries);
        }
        if (m.get("start_interval") != null && m.get("start_period") == null) {
            nodes.problems().add(m.get("start_interval"), path + ".start_interval", "needs start_period",
                    "start_interval is how often the check runs during start_period");
        }
        return new Healthcheck(test, nodes.nanos(m.get("interval"), path + ".interval"), nodes.nanos(m.get("timeout"), path + ".timeout"),
                retries, nodes.nanos(m.get("start_period"), path + ".start_period"),
                nodes.nanos(m.get("start_interval"), path + ".start_interval"));
    }
}
