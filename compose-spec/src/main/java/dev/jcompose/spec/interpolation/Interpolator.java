package dev.jcompose.spec.interpolation;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Substitutes {@code $VAR}, {@code ${VAR}} and the {@code :-  -  :?  ?  :+  +} forms in one string, as the Compose
 * specification defines them; {@code $$} is a literal {@code $}, and a {@code $} that starts no variable is kept.
 * Defaults, messages and replacements may hold further templates, and are evaluated only when used, so an
 * unused branch neither fails nor warns.
 */
public final class Interpolator {
    private final Function<String, String> lookup;
    private final Consumer<String> onUnset;

    /**
     * @param lookup  a variable's value, or null when it is not set
     * @param onUnset told the name of each unset variable that was substituted by an empty string
     */
    public Interpolator(Function<String, String> lookup, Consumer<String> onUnset) {
        this.lookup = lookup;
        this.onUnset = onUnset;
    }

    public String interpolate(String template) throws InterpolationException {
        if (template.indexOf('$') < 0) return template;
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(template, i + 1);
                if (close < 0) throw invalid(template);
                out.append(evaluate(template.substring(i + 2, close), template));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < n && isNamePart(template.charAt(end))) end++;
                out.append(valueOf(template.substring(i + 1, end)));
                i = end;
            } else {
                out.append('$'); // a lone $ is kept literally, as compose does
                i++;
            }
        }
        return out.toString();
    }

    /** Evaluates the inside of {@code ${...}}. */
    private String evaluate(String body, String template) throws InterpolationException {
        int end = 0;
        if (body.isEmpty() || !isNameStart(body.charAt(0))) throw invalid(template);
        while (end < body.length() && isNamePart(body.charAt(end))) end++;
        String name = body.substring(0, end);
        String rest = body.substring(end);
        if (rest.isEmpty()) return valueOf(name);
        String value = lookup.apply(name);
        boolean colon = rest.charAt(0) == ':';
        String op = colon ? rest.substring(0, Math.min(2, rest.length())) : rest.substring(0, 1);
        String word = rest.substring(op.length());
        // With a colon, an empty value counts as missing; without, only an unset one does.
        boolean missing = value == null || (colon && value.isEmpty());
        switch (op) {
            case ":-":
            case "-":
                return missing ? interpolate(word) : value;
            case ":?":
            case "?":
                if (missing) {
                    String message = interpolate(word);
                    throw new InterpolationException("required variable " + name + " is missing a value"
                            + (message.isEmpty() ? "" : ": " + message));
                }
                return value;
            case ":+":
            case "+":
                return missing ? "" : interpolate(word);
            default:
                throw invalid(template);
        }
    }

    private String valueOf(String name) {
        String value = lookup.apply(name);
        if (value == null) {
            onUnset.accept(name);
            return "";
        }
        return value;
    }

    /** Index of the brace closing the one at {@code open}, counting nested braces; -1 when unclosed. */
    static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }

    private static InterpolationException invalid(String template) {
        return new InterpolationException("Invalid template: \"" + template + "\"");
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
