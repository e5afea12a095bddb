package dev.jcompose.executor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The project names one engine test uses; {@link RealEngine} removes whatever carries them after the test. */
public final class EngineProjects {
    private final List<String> names = new ArrayList<>();

    /** A project name no other test or person uses: {@code jct-<purpose>-<random>}. */
    public String create(String purpose) {
        String name = "jct-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        names.add(name);
        return name;
    }

    /** Registers a name chosen elsewhere (a fixture's {@code name:}) for clean-up. */
    public String track(String name) {
        names.add(name);
        return name;
    }

    List<String> names() {
        return names;
    }
}
