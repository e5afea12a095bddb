package dev.jcompose.spec.merge;

import java.util.List;

/** An attribute path such as {@code services.*.ports}, where {@code *} stands for one key; matched segment by segment. */
record PathPattern(String text, String[] segments) {
    static PathPattern of(String text) {
        return new PathPattern(text, text.split("\\."));
    }

    int depth() {
        return segments.length;
    }

    boolean matches(List<String> path) {
        if (path.size() != segments.length) return false;
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].equals("*") && !segments[i].equals(path.get(i))) return false;
        }
        return true;
    }

    boolean matches(String path) {
        return matches(List.of(path.split("\\.", -1)));
    }
}
