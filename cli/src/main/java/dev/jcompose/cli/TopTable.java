package dev.jcompose.cli;

import dev.jcompose.executor.ContainerProcesses;
import java.util.Arrays;
import java.util.List;

/**
 * One container's processes as docker compose v2's {@code top} prints them: the engine's titles, then a row per
 * process, through Go's tabwriter (minimum width 5, padding 3). Its header's cells are joined by tabs but its rows'
 * cells each end with one, so the last column is padded on the rows and not on the header; kept, for byte parity.
 */
final class TopTable {
    private static final int MIN_WIDTH = 5;
    private static final int PADDING = 3;

    private TopTable() {}

    static String render(ContainerProcesses processes) {
        List<String> titles = processes.titles();
        int columns = titles.size();
        for (List<String> row : processes.rows()) columns = Math.max(columns, row.size());
        int[] widths = new int[columns];
        Arrays.fill(widths, MIN_WIDTH);
        for (int i = 0; i < titles.size() - 1; i++) widths[i] = Math.max(widths[i], width(titles.get(i)) + PADDING);
        for (List<String> row : processes.rows()) {
            for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], width(row.get(i)) + PADDING);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < titles.size(); i++) {
            out.append(titles.get(i));
            if (i < titles.size() - 1) pad(out, titles.get(i), widths[i]);
        }
        out.append('\n');
        for (List<String> row : processes.rows()) {
            for (int i = 0; i < row.size(); i++) pad(out.append(row.get(i)), row.get(i), widths[i]);
            out.append('\n');
        }
        return out.append('\n').toString();
    }

    private static void pad(StringBuilder out, String cell, int width) {
        out.append(" ".repeat(width - width(cell)));
    }

    /** Go's tabwriter counts runes, not bytes or UTF-16 units. */
    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
