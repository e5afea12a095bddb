package dev.jcompose.spec;

/**
 * One problem found in a Compose file, printed as {@code file:line:col: path: message (hint)}.
 *
 * @param path the attribute path such as {@code services.web.ports[0]}; empty when the problem is the whole file
 * @param hint a suggestion for the person reading it ("did you mean ..."), or empty
 */
public record Diagnostic(Location location, String path, String message, String hint) {
    public Diagnostic {
        path = path == null ? "" : path;
        hint = hint == null ? "" : hint;
    }

    public Diagnostic(Location location, String path, String message) {
        this(location, path, message, "");
    }

    public String format() {
        StringBuilder sb = new StringBuilder();
        String where = location.toString();
        if (!where.isEmpty()) sb.append(where).append(": ");
        if (!path.isEmpty()) sb.append(path).append(": ");
        sb.append(message);
        if (!hint.isEmpty()) sb.append(" (").append(hint).append(')');
        return sb.toString();
    }
}
