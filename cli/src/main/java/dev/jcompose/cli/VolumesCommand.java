package dev.jcompose.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.executor.Engine;
import dev.jcompose.executor.VolumeSummary;
import dev.jcompose.planner.observed.ObservedContainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcompose volumes [SERVICE...]}: the project's volumes (by label), as docker compose v2 lists them with the
 * docker CLI's volume formatter; with services, only the volumes their containers mount.
 */
@Command(name = "volumes", description = "List volumes")
final class VolumesCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = {"-q", "--quiet"}, description = "Only display volume names")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table (default), table TEMPLATE, json, or a template such as '{{.Name}}\\t{{.Mountpoint}}'")
    String format = "table";

    @Parameters(paramLabel = "SERVICE", description = "Only the volumes of these services")
    List<String> services = new ArrayList<>();

    private static final String TABLE = "table {{.Driver}}\t{{.Name}}";

    /** What docker's volume listing prints of a volume that is not a cluster volume and has no usage data. */
    private static final String NOT_AVAILABLE = "N/A";

    static Map<String, Function<VolumeSummary, String>> fields() {
        Map<String, Function<VolumeSummary, String>> f = new LinkedHashMap<>();
        f.put("Availability", v -> NOT_AVAILABLE);
        f.put("Driver", VolumeSummary::driver);
        f.put("Group", v -> NOT_AVAILABLE);
        f.put("Labels", v -> String.join(",", v.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        f.put("Links", v -> NOT_AVAILABLE);
        f.put("Mountpoint", VolumeSummary::mountpoint);
        f.put("Name", VolumeSummary::name);
        f.put("Scope", VolumeSummary::scope);
        f.put("Size", v -> NOT_AVAILABLE);
        f.put("Status", v -> NOT_AVAILABLE);
        return f;
    }

    static String header(String field) {
        return field.equals("Name") ? "VOLUME NAME" : field.toUpperCase();
    }

    @Override
    public Integer call() throws Exception {
        Context ctx = root.context();
        RowTemplate<VolumeSummary> template = new RowTemplate<>(fields(), VolumesCommand::header);
        String project = root.projectNameForReading(services);
        List<VolumeSummary> volumes;
        try (Engine engine = root.connect()) {
            Set<String> mounted = new TreeSet<>();
            if (!services.isEmpty()) {
                for (ObservedContainer c : root.service(engine).containers(project)) {
                    if (services.contains(c.service())) mounted.addAll(c.volumeMounts().values());
                }
            }
            volumes = engine.volumeSummaries(project).stream()
                    .filter(v -> services.isEmpty() || mounted.contains(v.name()))
                    .sorted(Comparator.comparing(VolumeSummary::name)).toList();
        }
        if (quiet) {
            volumes.forEach(v -> ctx.out().println(v.name()));
        } else if (format.equals("json")) {
            ObjectMapper mapper = new ObjectMapper();
            for (VolumeSummary v : volumes) {
                Map<String, String> row = new LinkedHashMap<>();
                fields().forEach((k, f) -> row.put(k, f.apply(v)));
                ctx.out().println(mapper.writeValueAsString(row));
            }
        } else {
            try {
                ctx.out().print(template.render(format.equals("table") ? TABLE : format, volumes));
            } catch (IllegalArgumentException e) {
                ctx.err().println(e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        return ExitCodes.OK;
    }
}
