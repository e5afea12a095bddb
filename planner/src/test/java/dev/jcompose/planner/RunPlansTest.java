package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.ServiceVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-off container spec of run (name, aliases, labels) and run's two plans (dependencies and orphans; the one-off). */
class RunPlansTest {
    @TempDir
    Path dir;

    private static final String SLUG = "0123456789abcdef0123456789abcdef";

    private Project project(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
    }

    private static final String ALIASED = """
            services:
              web:
                image: busybox
                container_name: the-web
                restart: always
                networks:
                  front: {aliases: [www]}
                  back: {}
            networks:
              front: {}
              back: {}
            """;

    @ParameterizedTest(name = "--name {0}, --use-aliases {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL | false | demo-web-run-0123456789ab | [demo-web-run-0123456789ab]
            NULL | true  | demo-web-run-0123456789ab | [demo-web-run-0123456789ab, web, www]
            mine | false | mine                      | [mine]
            mine | true  | mine                      | [mine, web, www]
            """)
    void aOneOffIsNamedAndAliasedAsDockerComposeV2Does(String name, boolean useAliases, String expectedName, String frontAliases)
            throws IOException {
        Project p = project(ALIASED);
        ContainerSpec spec = ContainerSpecs.oneOff(p, p.service("web"), "sha256:i", SLUG, name, useAliases);
        assertEquals(expectedName, spec.name(), "container_name is the service's container's, never a one-off's");
        assertEquals(frontAliases, spec.networks().get("demo_front").aliases().toString());
        assertEquals(List.of(expectedName), spec.networks().get("demo_back").aliases().subList(0, 1));
        assertEquals("True", spec.labels().get(Labels.ONEOFF));
        assertEquals(SLUG, spec.labels().get(Labels.PREFIX + "slug"));
        assertNull(spec.labels().get(Labels.CONTAINER_NUMBER));
        assertNull(spec.restartPolicy(), "a one-off is not restarted");
    }

    @Test
    void aOneOffWithItsOwnNetworkModeJoinsNoNetwork() throws IOException {
        Project p = project("services:\n  web: {image: busybox, network_mode: host}\n");
        assertEquals(Map.of(), ContainerSpecs.oneOff(p, p.service("web"), null, SLUG, null, true).networks());
    }

    @Test
    void theOverridesReachTheSpec() throws IOException {
        Project p = project("services:\n  web: {image: busybox, command: [sleep, '1']}\n");
        RunOverrides o = new RunOverrides(List.of(), List.of(), new TreeMap<>(), RunOverrides.Ports.published(List.of()),
                List.of(), "nobody", "/tmp", new TreeMap<>(Map.of("k", "v")), List.of("SYS_TIME"), List.of());
        Project applied = o.applyTo(p, "web");
        ContainerSpec spec = ContainerSpecs.oneOff(applied, applied.service("web"), null, SLUG, null, false);
        assertEquals(List.of(), spec.entrypoint(), "--entrypoint '': none (an empty list, not the image's)");
        assertEquals(List.of(), spec.command());
        assertEquals("nobody", spec.user());
        assertEquals("/tmp", spec.workingDir());
        assertEquals("v", spec.labels().get("k"));
        assertEquals(List.of("SYS_TIME"), spec.options().security().capAdd());
    }

    private static final String WITH_DEPS = """
            services:
              web: {image: busybox, depends_on: [db]}
              db: {image: busybox}
            """;

    private static ObservedContainer container(String name, String service) {
        TreeMap<String, String> labels = new TreeMap<>(Map.of(Labels.PROJECT, "demo", Labels.SERVICE, service,
                Labels.CONTAINER_NUMBER, "1", Labels.ONEOFF, "False"));
        return new ObservedContainer("id-" + name, name, "busybox", "sha256:b", "sh", 1L, "running", "Up 1 second", labels,
                List.of(), new TreeMap<>());
    }

    private static ObservedState state(ObservedContainer... containers) {
        return new ObservedState(List.of(containers), List.of(), List.of(), new TreeMap<>(Map.of("busybox", "sha256:b")));
    }

    @ParameterizedTest(name = "noDeps {0}, orphans {1}")
    @CsvSource(delimiter = '|', textBlock = """
            false | WARN   | 3 | 1
            false | REMOVE | 5 | 0
            false | IGNORE | 3 | 0
            true  | WARN   | 0 | 1
            true  | REMOVE | 2 | 0
            """)
    void theDependenciesPlanBringsThemUpAndDealsWithTheProjectsOrphans(boolean noDeps, Orphans orphans, int steps, int warnings)
            throws IOException {
        Project p = project(WITH_DEPS);
        // an old service's container is an orphan; the run service's own container is not
        ObservedState observed = state(container("demo-old-1", "old"), container("demo-web-1", "web"));
        Plan plan = Planner.runDependencies(p, observed, "web", new RunOptions(noDeps, PullPolicy.SERVICE, orphans));
        assertEquals(steps, plan.steps().size(), plan.render());
        assertEquals(warnings, plan.warnings().size(), plan.warnings().toString());
        if (warnings > 0) assertTrue(plan.warnings().get(0).contains("demo-old-1") && !plan.warnings().get(0).contains("demo-web-1"));
        if (orphans == Orphans.REMOVE) assertTrue(plan.render().contains("remove Container demo-old-1"), plan.render());
    }

    @ParameterizedTest(name = "--pull {0}")
    @CsvSource(textBlock = """
            SERVICE, false
            MISSING, false
            ALWAYS,  true
            """)
    void theOneOffsImageIsPulledAsPullSays(PullPolicy pull, boolean pulled) throws IOException {
        Project p = project(WITH_DEPS);
        ContainerSpec spec = ContainerSpecs.oneOff(p, p.service("web"), "sha256:b", SLUG, null, false);
        Plan plan = Planner.runContainer(p, state(), spec, true, pull);
        assertEquals(pulled, plan.render().contains("pull Image busybox"), plan.render());
        assertTrue(plan.render().contains("create Container demo-web-run-0123456789ab"), plan.render());
    }

    @Test
    void pullNeverWithTheImageMissingIsRefusedBeforeAnyChange() throws IOException {
        Project p = project("services:\n  web: {image: redis}\n");
        ContainerSpec spec = ContainerSpecs.oneOff(p, p.service("web"), null, SLUG, null, false);
        PlanException e = assertThrows(PlanException.class, () -> Planner.runContainer(p, state(), spec, true, PullPolicy.NEVER));
        assertTrue(e.getMessage().contains("image redis is not on this engine"), e.getMessage());
    }

    @Test
    void aVolumeOnlyTheFlagsMountIsCreatedForTheOneOff() throws IOException {
        Project p = project("services:\n  web: {image: busybox}\nvolumes:\n  data: {}\n");
        RunOverrides o = new RunOverrides(List.of(), null, new TreeMap<>(), RunOverrides.Ports.published(List.of()),
                List.of(new ServiceVolume("volume", "data", "/data", false)), null, null,
                new TreeMap<>(), List.of(), List.of());
        Project applied = o.applyTo(p, "web");
        ContainerSpec spec = ContainerSpecs.oneOff(applied, applied.service("web"), "sha256:b", SLUG, null, false);
        Plan plan = Planner.runContainer(applied, state(), spec, false, PullPolicy.SERVICE);
        assertTrue(plan.render().contains("create Volume demo_data"), plan.render());
        assertEquals("demo_data", spec.mounts().get(0).source());
    }
}
