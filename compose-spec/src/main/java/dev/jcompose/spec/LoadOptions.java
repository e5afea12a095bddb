package dev.jcompose.spec;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a load needs from its caller, so that the loader itself reads no global state.
 *
 * @param files            {@code -f} files as given (relative to {@code workingDir}); empty for the default lookup
 * @param workingDir       the directory the command runs in
 * @param projectDirectory {@code --project-directory}, or null for the first file's directory
 * @param projectName      {@code -p}, or null
 * @param envFiles         {@code --env-file} files, or empty for {@code <project dir>/.env}
 * @param environment      the process environment
 * @param skip             passes left out, for {@code config --no-interpolate}, {@code --no-normalize},
 *                         {@code --no-consistency}, {@code --no-path-resolution}
 * @param profiles         {@code --profile} values; empty for {@code COMPOSE_PROFILES}
 * @param targets          services named on the command line: enabled whatever their profiles
 */
public record LoadOptions(
        List<String> files,
        Path workingDir,
        Path projectDirectory,
        String projectName,
        List<String> envFiles,
        Map<String, String> environment,
        Set<Skip> skip,
        List<String> profiles,
        List<String> targets) {

    public LoadOptions {
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        environment = Map.copyOf(environment);
        skip = skip.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skip));
        profiles = List.copyOf(profiles);
        targets = List.copyOf(targets);
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** Passes of the load that {@code config} can leave out. */
    public enum Skip { INTERPOLATION, NORMALIZATION, CONSISTENCY, PATH_RESOLUTION }

    public boolean skips(Skip pass) {
        return skip.contains(pass);
    }

    public LoadOptions withSkip(Set<Skip> newSkip) {
        return new LoadOptions(files, workingDir, projectDirectory, projectName, envFiles, environment, newSkip, profiles, targets);
    }

    public static LoadOptions of(Path workingDir, Map<String, String> environment, String... files) {
        return new LoadOptions(List.of(files), workingDir, null, null, List.of(), environment, Set.of(), List.of(), List.of());
    }

    public LoadOptions withProjectName(String name) {
        return new LoadOptions(files, workingDir, projectDirectory, name, envFiles, environment, skip, profiles, targets);
    }

    public LoadOptions withProfiles(List<String> newProfiles) {
        return new LoadOptions(files, workingDir, projectDirectory, projectName, envFiles, environment, skip, newProfiles, targets);
    }

    public LoadOptions withTargets(List<String> newTargets) {
        return new LoadOptions(files, workingDir, projectDirectory, projectName, envFiles, environment, skip, profiles, newTargets);
    }
}
