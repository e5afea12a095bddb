package dev.jcompose.spec.bind;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads one service {@code app} from the attributes of a table row, for the binders' table tests. */
final class Snippets {
    private Snippets() {}

    /** Loads a whole file's text as project {@code p}. */
    static Project project(Path dir, String yaml) {
        try {
            Files.writeString(dir.resolve("compose.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ComposeLoader.load(LoadOptions.of(dir, Map.of("HOME", "/home/u")).withProjectName("p")).project();
    }

    /** @param attributes the service's attributes as one YAML flow mapping's content: {@code cap_add: [X], privileged: true} */
    static Service service(Path dir, String attributes) {
        return project(dir, "services:\n  app: {image: busybox, " + attributes + "}\n").service("app");
    }

    /** The load's error text for the attributes (file name only, no folder), or "" when it loads. */
    static String error(Path dir, String attributes) {
        try {
            service(dir, attributes);
            return "";
        } catch (ComposeException e) {
            return e.getMessage().replace(dir.toString() + "/", "");
        }
    }
}
