package dev.jcompose.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.Engine;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedImage;
import dev.jcompose.spec.model.Project;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose images}: the images the project's containers run, one row a container, as docker compose lists them. */
@Command(name = "images", description = "List images used by the created containers")
final class ImagesCommand implements Callable<Integer> {
    enum Format { table, json }

    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json")
    Format format = Format.table;

    @Parameters(paramLabel = "SERVICE", description = "Only these services' containers")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String name = root.projectName;
        if (name == null || !root.files.isEmpty()) {
            Project project = root.load(Set.of(), services).project();
            name = project.name();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Engine engine = root.connect()) {
            Map<String, Optional<ObservedImage>> seen = new LinkedHashMap<>();
            for (ObservedContainer c : root.service(engine).containers(name)) {
                if (!services.isEmpty() && !services.contains(c.service())) continue;
                String ref = c.imageId() != null ? c.imageId() : c.image();
                Optional<ObservedImage> image = seen.computeIfAbsent(ref, engine::image);
                String tag = image.filter(i -> !i.tags().isEmpty()).map(i -> i.tags().get(0)).orElse("<none>:<none>");
                int colon = tag.lastIndexOf(':');
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("ContainerName", c.name());
                row.put("Repository", colon > tag.lastIndexOf('/') ? tag.substring(0, colon) : tag);
                row.put("Tag", colon > tag.lastIndexOf('/') ? tag.substring(colon + 1) : "latest");
                row.put("ID", image.map(ObservedImage::id).orElse(ref));
                row.put("Size", image.map(ObservedImage::size).orElse(0L));
                // as docker compose's (a time in RFC 3339), left out when the image is gone
                image.ifPresent(i -> row.put("Created", Instant.ofEpochSecond(i.created()).toString()));
                rows.add(row);
            }
        }
        Context ctx = root.context();
        if (quiet) {
            rows.stream().map(r -> (String) r.get("ID")).distinct().forEach(ctx.out()::println);
        } else if (format == Format.json) {
            ctx.out().println(new ObjectMapper().writeValueAsString(rows));
        } else {
            List<String[]> table = new ArrayList<>();
            table.add(new String[] {"CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"});
            for (Map<String, Object> r : rows) {
                String id = ((String) r.get("ID")).replaceFirst("^sha256:", "");
                table.add(new String[] {(String) r.get("ContainerName"), (String) r.get("Repository"), (String) r.get("Tag"),
                        id.substring(0, Math.min(12, id.length())), humanSize((Long) r.get("Size"))});
            }
            ctx.out().print(Columns.align(table));
        }
        return ExitCodes.OK;
    }

    /** Sizes as the docker CLI prints them: decimal units, three significant digits. */
    static String humanSize(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString() + units[u];
    }
}
