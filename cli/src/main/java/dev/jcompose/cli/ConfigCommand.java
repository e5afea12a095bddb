package dev.jcompose.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.spec.LoadedProject;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.output.ProjectTree;
import dev.jcompose.spec.output.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--images", description = "Print the image names, one per line")
    boolean images;

    @Option(names = "--no-interpolate", description = "Don't interpolate environment variables")
    boolean noInterpolate;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save to file (default: stdout)")
    Path output;

    @Override
    public Integer call() throws IOException {
        LoadedProject loaded = root.load(!noInterpolate, List.of());
        Project project = loaded.project();
        if (quiet) return ExitCodes.OK;
        String text;
        if (services) text = lines(project.services().keySet());
        else if (profiles) text = lines(loaded.definedProfiles());
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

    private static String lines(Iterable<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) sb.append(n).append('\n');
        return sb.toString();
    }
}
