package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pull and push plans: which images, once each, none waiting for another. */
class RegistryPlansTest {
    @TempDir
    Path dir;

    private Project project() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: nginx:1.27}
                  proxy: {image: nginx:1.27}
                  app: {build: {context: ., tags: ["reg.example/app:1", "reg.example/app:latest"]}}
                  worker: {image: reg.example/worker:2, build: .}
                """);
        return ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
    }

    @Test
    void pullTakesEachImageOnceAndLeavesTheBuiltOnesOut() throws Exception {
        assertEquals("""
                #1 pull Image nginx:1.27 -- pull proxy
                """, RegistryPlans.pulls(project()).render());
    }

    @Test
    void pushSendsWhatIsBuiltWithItsExtraTagsEachOnItsOwn() throws Exception {
        assertEquals("""
                #1 push Image demo-app -- push app
                #2 push Image reg.example/app:1 -- push app
                #3 push Image reg.example/app:latest -- push app
                #4 push Image reg.example/worker:2 -- push worker
                """, RegistryPlans.pushes(project()).render());
    }
}
