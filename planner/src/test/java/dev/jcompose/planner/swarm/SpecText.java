package dev.jcompose.planner.swarm;

import dev.jcompose.planner.swarm.spec.ObjectSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * The swarm spec records as indented text for golden files: one component a line, nested records indented, and
 * what says nothing (null, false, empty) left out, as a request body leaves it out.
 */
final class SpecText {
    private SpecText() {
    }

    static String of(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int indent) {
        if (value instanceof ObjectSpec o) {
            line(sb, indent, "kind: " + o.kind().key());
            line(sb, indent, "name: " + o.name());
            line(sb, indent, "labels:");
            o.labels().forEach((k, v) -> line(sb, indent + 1, k + ": " + v));
            // test data only: the product never prints an object's data
            line(sb, indent, "data: " + new String(o.data(), StandardCharsets.UTF_8).replace("\n", "\\n"));
            return;
        }
        if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = read(c, r);
                if (silent(v)) continue;
                if (v instanceof Record rec && rec.getClass().getRecordComponents().length == 0) {
                    line(sb, indent, c.getName() + ": " + rec.getClass().getSimpleName());
                } else if (v instanceof Record || v instanceof Map<?, ?> || v instanceof Collection<?> && !scalars((Collection<?>) v)) {
                    line(sb, indent, c.getName() + ":" + (v instanceof Record rec && rec.getClass().getRecordComponents().length > 0
                            ? " " + rec.getClass().getSimpleName() : ""));
                    write(sb, v, indent + 1);
                } else {
                    line(sb, indent, c.getName() + ": " + scalar(v));
                }
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof Record) {
                    line(sb, indent, k + ":");
                    write(sb, v, indent + 1);
                } else {
                    line(sb, indent, k + ": " + scalar(v));
                }
            });
            return;
        }
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                line(sb, indent, "-");
                write(sb, o, indent + 1);
            }
        }
    }

    private static boolean scalars(Collection<?> c) {
        return c.stream().noneMatch(o -> o instanceof Record);
    }

    private static String scalar(Object v) {
        if (v instanceof Collection<?> c) return c.toString();
        return String.valueOf(v);
    }

    private static boolean silent(Object v) {
        return v == null || Boolean.FALSE.equals(v) || v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty();
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void line(StringBuilder sb, int indent, String text) {
        sb.append("  ".repeat(indent)).append(text).append('\n');
    }
}
