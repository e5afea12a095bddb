package dev.jcompose.executor.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore}, matched as Docker matches them: one pattern a line, {@code #} comments,
 * {@code *} and {@code ?} within one path segment, {@code **} across any number of segments, {@code [...]} classes,
 * {@code \} escapes, a leading {@code !} re-including what an earlier line excluded, the last matching line
 * deciding. A pattern that matches a folder matches everything under it.
 */
public final class DockerIgnore {
    private record Rule(String text, Pattern regex, boolean exception) {}

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** Parses the file's text; a pattern that cannot be compiled is an {@link IllegalArgumentException}. */
    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n", -1)) {
            if (raw.startsWith("#")) continue;
            String line = raw.strip();
            if (line.isEmpty()) continue;
            boolean exception = line.startsWith("!");
            if (exception) line = line.substring(1).strip();
            if (line.isEmpty()) continue;
            String pattern = clean(line);
            if (pattern.length() > 1 && pattern.startsWith("/")) pattern = pattern.substring(1);
            rules.add(new Rule(line, compile(pattern, line), exception));
        }
        return new DockerIgnore(rules);
    }

    /** The same rules, plus paths that are always sent whatever the file says (the Dockerfile, the ignore file). */
    public DockerIgnore keeping(String... paths) {
        List<Rule> more = new ArrayList<>(rules);
        for (String p : paths) {
            if (!excludes(p)) continue;
            more.add(new Rule("!" + p, compile(clean(p), p), true));
        }
        return new DockerIgnore(more);
    }

    /** Whether the path (relative to the context, {@code /}-separated) is left out of the context. */
    public boolean excludes(String path) {
        String[] parts = path.split("/");
        boolean excluded = false;
        for (Rule r : rules) {
            if (r.exception && !excluded) continue; // nothing to re-include
            if (matchesOrParent(r.regex, path, parts)) excluded = !r.exception;
        }
        return excluded;
    }

    /** Whether any rule re-includes something: then an excluded folder must still be walked. */
    public boolean hasExceptions() {
        return rules.stream().anyMatch(Rule::exception);
    }

    private static boolean matchesOrParent(Pattern p, String path, String[] parts) {
        if (p.matcher(path).matches()) return true;
        StringBuilder parent = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (i > 0) parent.append('/');
            parent.append(parts[i]);
            if (p.matcher(parent).matches()) return true;
        }
        return false;
    }

    /** Go's filepath.Clean, for the forms a .dockerignore line takes: {@code ./a//b/../c/} is {@code a/c}. */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) out.remove(out.size() - 1);
                else if (!rooted) out.add("..");
                continue;
            }
            out.add(seg);
        }
        String joined = String.join("/", out);
        if (rooted) return "/" + joined;
        return joined.isEmpty() ? "." : joined;
    }

    private static Pattern compile(String pattern, String line) {
        StringBuilder re = new StringBuilder("^");
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    while (i + 1 < n && pattern.charAt(i + 1) == '*') i++;
                    if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                        re.append("(.*/)?"); // "**/" is zero or more whole folders
                        i++;
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\') {
                if (i + 1 >= n) throw new IllegalArgumentException("invalid .dockerignore pattern \"" + line + "\": ends with a backslash");
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 2);
                if (end < 0) throw new IllegalArgumentException("invalid .dockerignore pattern \"" + line + "\": unclosed [");
                String cls = pattern.substring(i + 1, end);
                if (cls.startsWith("^") || cls.startsWith("!")) cls = "^" + cls.substring(1);
                re.append('[').append(cls.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = end;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.append('$').toString());
    }
}
