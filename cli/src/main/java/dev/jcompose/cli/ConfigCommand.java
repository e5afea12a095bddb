package dev.jcompose.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.planner.ConfigHasher;
import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.LoadedProject;
import dev.jcompose.spec.Location;
import dev.jcompose.spec.Suggestions;
import dev.jcompose.spec.interpolation.TemplateVariables;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.output.ProjectTree;
import dev.jcompose.spec.output.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose config}: the resolved project in canonical form, or parts of it. No engine needed. */
@Command(name = "config", description = "Parse, resolve and render the Compose file in canonical format")
final class ConfigCommand implements Callable<Integer> {
    enum Format { yaml, json }

    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--format", paramLabel = "FORMAT", description = "yaml (default) or json")
    Format format = Format.yaml;

    @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration, don't print anything")
    boolean quiet;

    @Option(names = "--services", description = "Print the service names, one per line")
    boolean services;

    @Option(names = "--volumes", description = "Print the volume names, one per line")
    boolean volumes;

    @Option(names = "--networks", description = "Print the network names, one per line")
    boolean networks;

    @Option(names = "--profiles", description = "Print the profile names, one per line")
    boolean profiles;

    @Option(names = "--models", description = "Print the model names, one per line")
    boolean models;

    @Option(names = "--images", description = "Print the image names, one per line")
    boolean images;

    @Option(names = "--no-interpolate", description = "Don't interpolate environment variables")
    boolean noInterpolate;

    @Option(names = "--no-normalize", description = "Don't normalize the compose model (no default network, no generated names)")
    boolean noNormalize;

    @Option(names = "--no-consistency", description = "Don't check model consistency (undefined services, networks, volumes; cycles)")
    boolean noConsistency;

    @Option(names = "--no-path-resolution", description = "Don't resolve file paths")
    boolean noPathResolution;

    @Option(names = "--hash", paramLabel = "SERVICES", description = "Print the service config hash, one per line (\"*\" for all, or a comma list)")
    String hash;

    @Option(names = "--environment", description = "Print the environment used for interpolation")
    boolean environment;

    @Option(names = "--variables", description = "Print the model's variables and their default values")
    boolean variables;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save to file (default: stdout)")
    Path output;

    @Override
    public Integer call() throws IOException {
        Set<LoadOptions.Skip> skip = EnumSet.noneOf(LoadOptions.Skip.class);
        if (noInterpolate) skip.add(LoadOptions.Skip.INTERPOLATION);
        if (noNormalize) skip.add(LoadOptions.Skip.NORMALIZATION);
        if (noConsistency) skip.add(LoadOptions.Skip.CONSISTENCY);
        if (noPathResolution) skip.add(LoadOptions.Skip.PATH_RESOLUTION);
        if (variables) {
            // read from the files as written: interpolation would replace them, and binding needs them replaced
            root.context().out().print(variables(ComposeLoader.variables(root.loadOptions(skip, List.of()))));
            return ExitCodes.OK;
        }
        LoadedProject loaded = root.load(skip, List.of());
        Project project = loaded.project();
        if (quiet) return ExitCodes.OK;
        String text;
        if (services) text = lines(project.services().keySet());
        else if (profiles) text = lines(loaded.definedProfiles());
        else if (models) {
            TreeSet<String> names = new TreeSet<>();
            if (project.extensions().get("models") instanceof Map<?, ?> m) {
                m.forEach((k, v) -> names.add(v instanceof Map<?, ?> model && model.get("model") != null ? String.valueOf(model.get("model")) : String.valueOf(k)));
            }
            text = lines(names);
        }
        else if (hash != null) text = hashes(project);
        else if (environment) {
            StringBuilder sb = new StringBuilder();
            loaded.environment().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            text = sb.toString();
        }
        else if (volumes) text = lines(project.volumes().keySet());
        else if (networks) text = lines(project.networks().keySet());
        else if (images) {
            TreeSet<String> names = new TreeSet<>();
            for (Service s : project.services().values()) names.add(s.image() != null ? s.image() : project.name() + "-" + s.name());
            text = lines(names);
        } else {
            Map<String, Object> tree = ProjectTree.of(project);
            text = format == Format.json
                    ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n"
                    : YamlWriter.write(tree);
        }
        if (output != null) Files.writeString(root.context().cwd().resolve(output), text);
        else root.context().out().print(text);
        return ExitCodes.OK;
    }

    private String hashes(Project project) {
        List<String> wanted = hash.equals("*") ? List.copyOf(project.services().keySet()) : List.of(hash.split(","));
        StringBuilder sb = new StringBuilder();
        for (String name : wanted) {
            Service s = project.service(name.strip());
            if (s == null) throw new ComposeException(new Diagnostic(Location.UNKNOWN, "", "no such service: " + name.strip(),
                    Suggestions.didYouMean(name.strip(), project.services().keySet())));
            sb.append(s.name()).append(' ').append(ConfigHasher.hash(project, s)).append('\n');
        }
        return sb.toString();
    }

    /** NAME, REQUIRED, DEFAULT VALUE, ALTERNATE VALUE, as docker compose prints them. */
    private static String variables(SortedMap<String, TemplateVariables.Variable> vars) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE"});
        for (TemplateVariables.Variable v : vars.values()) {
            rows.add(new String[] {v.name(), String.valueOf(v.required()), v.defaultValue() == null ? "" : v.defaultValue(),
                    v.alternateValue() == null ? "" : v.alternateValue()});
        }
        return Columns.align(rows);
    }

    private static String lines(Iterable<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) sb.append(n).append('\n');
        return sb.toString();
    }
}
