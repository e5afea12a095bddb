package dev.jcompose.spec.env;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Location;
import dev.jcompose.spec.interpolation.InterpolationException;
import dev.jcompose.spec.interpolation.Interpolator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the {@code .env} format compose uses: {@code KEY=VALUE} or {@code KEY: VALUE}, optional {@code export},
 * comments, single quotes (literal), double quotes (escapes, multi-line), unquoted values cut at {@code " #"},
 * a bare {@code KEY} inherited from the environment, and {@code ${VAR}} expansion in unquoted and double-quoted
 * values. Expansion looks in the process environment first, then in the keys read so far, so the process wins
 * for substitution while the file's own key keeps the file's value.
 */
public final class DotEnv {
    private final String fileName;
    private final String text;
    private final Map<String, String> processEnv;
    private final Map<String, String> values = new LinkedHashMap<>();
    private int pos;
    private int line = 1;

    private DotEnv(String fileName, String text, Map<String, String> processEnv) {
        this.fileName = fileName;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.processEnv = processEnv;
    }

    /** The file's variables in the order written. Throws {@link ComposeException} naming the line on bad syntax. */
    public static Map<String, String> parse(String fileName, String text, Map<String, String> processEnv) {
        DotEnv p = new DotEnv(fileName, text, processEnv);
        p.refuseNul();
        p.parseAll();
        return p.values;
    }

    /** A NUL cannot be in an environment variable (execve takes C strings), and in a text file it means binary. */
    private void refuseNul() {
        int at = text.indexOf('\0');
        if (at < 0) return;
        int lineStart = text.lastIndexOf('\n', at) + 1;
        int nulLine = 1 + (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        throw new ComposeException(new Diagnostic(new Location(fileName, nulLine, at - lineStart + 1), "",
                "NUL byte: an environment file is text, and a variable cannot hold a NUL", "is this a binary file?"));
    }

    private void parseAll() {
        while (pos < text.length()) {
            skipBlank();
            if (pos >= text.length()) break;
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                continue;
            }
            if (c == '#') {
                skipToEndOfLine();
                continue;
            }
            parseStatement();
        }
    }

    private void parseStatement() {
        int startLine = line;
        if (text.startsWith("export", pos) && pos + 6 < text.length()
                && (text.charAt(pos + 6) == ' ' || text.charAt(pos + 6) == '\t')) {
            pos += 6;
            skipBlank();
        }
        int keyStart = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '=' || c == ':' || c == '\n' || c == '#') break;
            pos++;
        }
        String key = text.substring(keyStart, pos).strip();
        if (!key.isEmpty() && !key.chars().allMatch(DotEnv::isKeyChar)) {
            throw error(startLine, "invalid variable name \"" + key + "\"",
                    "a name holds letters, digits, '_', '.' and '-'; write KEY=VALUE");
        }
        if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '#') {
            // A bare KEY takes its value from the environment, and is left out when that has none.
            if (!key.isEmpty() && processEnv.containsKey(key)) values.put(key, processEnv.get(key));
            skipToEndOfLine();
            return;
        }
        pos++; // '=' or ':'
        skipBlank();
        String value;
        if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
            value = quoted(text.charAt(pos), startLine, key);
        } else {
            value = unquoted();
        }
        values.put(key, value);
        skipToEndOfLine();
    }

    private String quoted(char quote, int startLine, String key) {
        pos++;
        StringBuilder raw = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(startLine, "unterminated quoted value for " + key, "close it with " + quote);
            }
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
                raw.append(quote == '"' ? "\\\"" : "'");
                pos += 2;
                continue;
            }
            if (c == '\\' && quote == '"' && pos + 1 < text.length() && text.charAt(pos + 1) == '\\') {
                raw.append("\\\\");
                pos += 2;
                continue;
            }
            if (c == quote) {
                pos++;
                break;
            }
            if (c == '\n') line++;
            raw.append(c);
            pos++;
        }
        if (quote == '\'') return raw.toString();
        return expand(unescapeDoubleQuoted(raw.toString()), startLine);
    }

    private String unquoted() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '\n') {
            char c = text.charAt(pos);
            // An inline comment starts at a # that follows white space.
            if (c == '#' && pos > start && Character.isWhitespace(text.charAt(pos - 1))) break;
            pos++;
        }
        return expand(text.substring(start, pos).strip(), line);
    }

    /**
     * Resolves the escapes of a double-quoted value. A {@code \$} becomes {@code $$} so that expansion, which
     * runs next, leaves a literal dollar.
     */
    private static String unescapeDoubleQuoted(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'a': out.append('\u0007'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'v': out.append('\u000b'); break;
                case '\\': out.append('\\'); break;
                case '"': out.append('"'); break;
                case '$': out.append("$$"); break;
                case '0': {
                    int end = i + 1;
                    while (end < s.length() && end < i + 4 && s.charAt(end) >= '0' && s.charAt(end) <= '7') end++;
                    out.append(end > i + 1 ? (char) Integer.parseInt(s.substring(i + 1, end), 8) : '\0');
                    i = end - 1;
                    break;
                }
                default: out.append('\\').append(e); // unknown escapes stay as written
            }
        }
        return out.toString();
    }

    private String expand(String value, int atLine) {
        Interpolator interpolator = new Interpolator(name -> {
            String fromProcess = processEnv.get(name);
            return fromProcess != null ? fromProcess : values.get(name);
        }, name -> { });
        try {
            return interpolator.interpolate(value);
        } catch (InterpolationException e) {
            throw error(atLine, e.getMessage(), "");
        }
    }

    private void skipBlank() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\r')) pos++;
    }

    private void skipToEndOfLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') pos++;
    }

    private ComposeException error(int atLine, String message, String hint) {
        return new ComposeException(new Diagnostic(new Location(fileName, atLine, 1), "", message, hint));
    }

    private static boolean isKeyChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
