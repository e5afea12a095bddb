package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.ContainerSpec;
import java.util.ArrayList;
import java.util.List;

/** One translation under way: the spec, the API level, and the warnings met so far. */
final class Translation {
    private final ContainerSpec spec;
    private final ApiLevel api;
    private final List<String> warnings = new ArrayList<>();

    Translation(ContainerSpec spec, ApiLevel api) {
        this.spec = spec;
        this.api = api;
    }

    ContainerSpec spec() {
        return spec;
    }

    ApiLevel api() {
        return api;
    }

    /** Whether the engine takes a field of API {@code version}; if not, a warning says what is left out. */
    boolean supports(String version, String what) {
        if (api.atLeast(version)) return true;
        warnings.add(spec.name() + ": " + what + " needs Engine API " + version + " and this engine speaks " + api.version()
                + ": ignored");
        return false;
    }

    /** Something of the spec this request cannot carry, whatever the API version. */
    void warn(String what) {
        warnings.add(spec.name() + ": " + what);
    }

    List<String> warnings() {
        return warnings;
    }
}
