package dev.jcompose.spec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which Compose files a command reads: {@code -f}, else {@code COMPOSE_FILE}, else the default names. */
public final class ConfigFiles {
    static final List<String> DEFAULT_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");
    static final List<String> OVERRIDE_NAMES = List.of("compose.override.yaml", "compose.override.yml",
            "docker-compose.override.yaml", "docker-compose.override.yml");

    private ConfigFiles() {}

    /** Absolute paths of the files to read, in merge order; throws ComposeException naming what is missing. */
    public static List<Path> resolve(LoadOptions options) {
        List<String> given = options.files();
        if (given.isEmpty()) {
            String fromEnv = options.environment().get("COMPOSE_FILE");
            if (fromEnv != null && !fromEnv.isBlank()) given = List.of(fromEnv.split(File.pathSeparator));
        }
        if (!given.isEmpty()) {
            List<Path> out = new ArrayList<>();
            List<Diagnostic> missing = new ArrayList<>();
            for (String f : given) {
                Path p = options.workingDir().resolve(f).normalize();
                if (!Files.isRegularFile(p)) {
                    missing.add(new Diagnostic(Location.of(p.toString()), "", TextFiles.notRegular(p).orElse("no such file"),
                            Files.isDirectory(p) ? "pass the Compose file inside it"
                                    : Files.exists(p) ? "jcompose reads regular files only: write it to a file first" : "check the -f path"));
                }
                out.add(p);
            }
            if (!missing.isEmpty()) throw new ComposeException(missing);
            return out;
        }
        Path start = options.projectDirectory() != null
                ? options.workingDir().resolve(options.projectDirectory()).normalize() : options.workingDir();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path found = first(dir, DEFAULT_NAMES);
            if (found == null) continue;
            List<Path> out = new ArrayList<>(List.of(found));
            Path override = first(dir, OVERRIDE_NAMES);
            if (override != null) out.add(override);
            return out;
        }
        throw new ComposeException(new Diagnostic(Location.of(start.toString()), "",
                "no configuration file provided: none of " + String.join(", ", DEFAULT_NAMES) + " found here or in a parent directory",
                "run jcompose in the project's folder, or pass -f FILE"));
    }

    private static Path first(Path dir, List<String> names) {
        for (String name : names) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }
}
