package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code up --wait} plans a wait only for what the state read does not already show ready, by the engine's status text. */
class WaitReadyPlanTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} \"{1}\" -> {2} step(s)")
    @CsvSource(textBlock = """
            running,    Up 3 seconds,                     0
            running,    Up 2 minutes (healthy),           0
            running,    Up 1 second (health: starting),   1
            running,    Up 5 minutes (unhealthy),         1
            exited,     Exited (0) 2 minutes ago,         0
            exited,     Exited (3) 2 minutes ago,         1
            created,    Created,                          1
            restarting, Restarting (1) 2 seconds ago,     1
            paused,     Up 4 minutes (Paused),            1
            """)
    void onlyWhatIsNotReadyYetGetsAWaitStep(String state, String status, int steps) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: {image: busybox}\n");
        Project p = ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
        TreeMap<String, String> labels = new TreeMap<>(Map.of(Labels.PROJECT, "demo", Labels.SERVICE, "web",
                Labels.CONTAINER_NUMBER, "1", Labels.ONEOFF, "False"));
        ObservedContainer c = new ObservedContainer("id1", "demo-web-1", "busybox", "sha256:b", "sh", 1L, state, status,
                labels, List.of(), new TreeMap<>());
        ObservedState observed = new ObservedState(List.of(c), List.of(), List.of(), new TreeMap<>());
        assertEquals(steps, Planner.waitReady(p, observed, 10).steps().size());
    }
}
