package dev.jcompose.executor.docker;

import dev.jcompose.executor.EngineException;

/** Engine API version negotiation: the lower of the engine's newest and ours, checked against the engine's oldest. */
final class ApiVersions {
    private ApiVersions() {}

    static String negotiate(String engineNewest, String engineOldest, String ourNewest) {
        if (engineNewest == null || engineNewest.isBlank()) return ourNewest;
        String chosen = compare(engineNewest, ourNewest) < 0 ? engineNewest : ourNewest;
        if (engineOldest != null && !engineOldest.isBlank() && compare(chosen, engineOldest) < 0) {
            throw new EngineException("the engine accepts API versions " + engineOldest + " to " + engineNewest
                    + ", and jcompose speaks up to " + ourNewest + ": use an engine that accepts " + ourNewest);
        }
        return chosen;
    }

    /** Compares "1.41" and "1.47" numerically, part by part. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return 0;
    }
}
