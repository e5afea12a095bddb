package dev.jcompose.cli;

import dev.jcompose.planner.observed.ObservedContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ps --format} templates as docker compose takes them: {@code {{.Name}}}-style fields, and a {@code table}
 * prefix for aligned columns under headers. Only field references are supported, not Go's template functions.
 */
final class PsTemplate {
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*}}");

    private PsTemplate() {}

    /** @param trunc ids to 12 characters and the command to 20, as docker's formatter does without {@code --no-trunc} */
    static Map<String, Function<ObservedContainer, String>> fields(long now, boolean trunc) {
        return Map.ofEntries(
                Map.entry("ID", c -> trunc ? shortId(c.id()) : c.id()),
                Map.entry("Name", ObservedContainer::name),
                Map.entry("Names", ObservedContainer::name),
                Map.entry("Image", ObservedContainer::image),
                Map.entry("Command", c -> PsTable.quoted(c.command(), trunc)),
                Map.entry("Project", ObservedContainer::project),
                Map.entry("Service", ObservedContainer::service),
                Map.entry("State", ObservedContainer::state),
                Map.entry("Status", ObservedContainer::status),
                Map.entry("Ports", c -> PsTable.ports(c.ports())),
                Map.entry("Publishers", c -> PsTable.ports(c.ports())),
                Map.entry("RunningFor", c -> PsTable.ago(now - c.created())),
                Map.entry("CreatedAt", c -> String.valueOf(c.created())));
    }

    /** The rendered text; throws IllegalArgumentException naming an unknown field. */
    static String render(String template, List<ObservedContainer> containers, long now, boolean trunc) {
        boolean table = template.startsWith("table");
        String row = table ? template.substring(5).strip() : template;
        row = row.replace("\\t", "\t");
        Map<String, Function<ObservedContainer, String>> fields = fields(now, trunc);
        Matcher m = FIELD.matcher(row);
        while (m.find()) {
            if (!fields.containsKey(m.group(1))) {
                throw new IllegalArgumentException("unknown field ." + m.group(1) + " in --format; fields: "
                        + String.join(", ", new java.util.TreeSet<>(fields.keySet())));
            }
        }
        List<String[]> rows = new ArrayList<>();
        if (table) rows.add(fill(row, f -> header(f)).split("\t", -1));
        for (ObservedContainer c : containers) rows.add(fill(row, f -> fields.get(f).apply(c)).split("\t", -1));
        if (!table) {
            StringBuilder sb = new StringBuilder();
            for (String[] r : rows) sb.append(String.join("\t", r)).append('\n');
            return sb.toString();
        }
        return Columns.align(rows);
    }

    /** The id as docker shows it: 12 characters, without a {@code sha256:} prefix. */
    static String shortId(String id) {
        String bare = id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    private static String fill(String row, Function<String, String> value) {
        Matcher m = FIELD.matcher(row);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value.apply(m.group(1)))));
        m.appendTail(out);
        return out.toString();
    }

    /** The column header docker prints for a field: NAME, IMAGE, RUNNING FOR... */
    private static String header(String field) {
        return switch (field) {
            case "Names" -> "NAME";
            case "RunningFor" -> "CREATED";
            case "CreatedAt" -> "CREATED AT";
            case "Publishers" -> "PORTS";
            default -> field.toUpperCase();
        };
    }
}
