package dev.jcompose.executor.request;

/** The Engine API version a request is written for: where fields that came later may go. */
record ApiLevel(String version) {
    boolean atLeast(String other) {
        String[] a = version.split("\\.");
        String[] b = other.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? Integer.parseInt(a[i]) : 0;
            int y = i < b.length ? Integer.parseInt(b[i]) : 0;
            if (x != y) return x > y;
        }
        return true;
    }
}
