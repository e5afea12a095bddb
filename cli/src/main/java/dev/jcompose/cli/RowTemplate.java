package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Go templates that {@code --format} takes in docker's listings: {@code {{.Field}}} references, and a
 * {@code table} prefix for aligned columns under the fields' headers. Go's template functions are not supported: a
 * field that is not one of the listing's is an error naming the ones there are.
 *
 * @param fields  each field's value for a row
 * @param headers a field's column header, as docker prints it
 */
record RowTemplate<T>(Map<String, Function<T, String>> fields, Function<String, String> headers) {
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*}}");

    /** The rendered text; throws IllegalArgumentException naming an unknown field. */
    String render(String template, List<T> items) {
        boolean table = template.startsWith("table");
        String row = (table ? template.substring(5).strip() : template).replace("\\t", "\t").replace("\\n", "\n");
        Matcher m = FIELD.matcher(row);
        while (m.find()) {
            if (!fields.containsKey(m.group(1))) {
                throw new IllegalArgumentException("unknown field ." + m.group(1) + " in --format; fields: "
                        + String.join(", ", new TreeSet<>(fields.keySet())));
            }
        }
        List<String[]> rows = new ArrayList<>();
        if (table) rows.add(fill(row, headers).split("\t", -1));
        for (T item : items) rows.add(fill(row, f -> fields.get(f).apply(item)).split("\t", -1));
        if (!table) {
            StringBuilder sb = new StringBuilder();
            for (String[] r : rows) sb.append(String.join("\t", r)).append('\n');
            return sb.toString();
        }
        return Columns.align(rows);
    }

    private static String fill(String row, Function<String, String> value) {
        Matcher m = FIELD.matcher(row);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value.apply(m.group(1)))));
        m.appendTail(out);
        return out.toString();
    }
}
